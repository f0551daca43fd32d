// `node --import` this file: 'electron' resolves to fake-electron-process.mjs (beside it).
import { register } from 'node:module';

const fake = new URL('./fake-electron-process.mjs', import.meta.url).href;
register(`data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) { return specifier === 'electron' ? { url: ${JSON.stringify(fake)}, shortCircuit: true } : next(specifier, context); }`)}`);

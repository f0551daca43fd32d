// A stand-in 'electron' module for running the built main bundle (dist/electron/main.mjs) under
// plain node, as `electron <folder>` would start it (process.defaultApp). Only what the command
// path may use answers (app.disableHardwareAcceleration, app.exit); every other use of Electron is
// written to the log and throws, so a command run that touches the app's shell shows up.
// Each line goes to the file FAKE_ELECTRON_LOG.
import { appendFileSync } from 'node:fs';
import process from 'node:process';

process.defaultApp = true;
const log = (line) => appendFileSync(process.env.FAKE_ELECTRON_LOG ?? '/dev/null', `${line}\n`);
const refuse = (name) => {
  log(`touched ${name}`);
  throw new Error(`${name} used`);
};
const untouchable = (name) => new Proxy({}, { get: (_target, prop) => refuse(`${name}.${String(prop)}`) });
const allowed = {
  disableHardwareAcceleration: () => log('app.disableHardwareAcceleration'),
  exit: (code) => {
    log(`app.exit ${String(code)}`);
    process.exit(code);
  },
  dock: undefined,
};

export const app = new Proxy(allowed, { get: (target, prop) => (prop in target ? target[prop] : refuse(`app.${String(prop)}`)) });
export const BrowserWindow = untouchable('BrowserWindow');
export const Menu = untouchable('Menu');
export const dialog = untouchable('dialog');
export const ipcMain = untouchable('ipcMain');
export const protocol = untouchable('protocol');
export const screen = untouchable('screen');
export const session = untouchable('session');
export const shell = untouchable('shell');

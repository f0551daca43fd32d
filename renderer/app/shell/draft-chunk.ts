/**
 * The entry of the open draft's chunk (draft-code.ts): what the shell uses of the draft screen
 * and the session, imported nowhere else outside that chunk.
 */
export { DraftScreen } from '../draft-screen/DraftScreen';
export { DocumentSession } from '../session/document-session';
export { saveStatusText } from '../status/StatusBar';

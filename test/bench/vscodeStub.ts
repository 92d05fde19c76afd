// Makes `require('vscode')` resolve to fakeVscode.js for the modules of src/ the bench loads in
// plain Node. Import this before anything that imports `vscode` (imports run in order).
import Module = require('node:module');
import * as path from 'node:path';

const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolve = loader._resolveFilename;
const fakePath = path.join(__dirname, 'fakeVscode.js');

loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? fakePath : resolve.call(this, request, ...rest);
};

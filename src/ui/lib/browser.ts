/**
 * The Import a file sidebar's own code, bundled by scripts/build.mjs into build/include/fileRows.html
 * as one <script> that defines the global `FileRows`. Browser only: never part of build/Code.js.
 */
import { readFileRows, guessTarget } from './fileRows';
import { planChunks } from './chunks';

(globalThis as unknown as { FileRows: unknown }).FileRows = { readFileRows, guessTarget, planChunks };

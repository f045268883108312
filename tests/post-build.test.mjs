// Tests of the Trunk hook's glue rewriting (scripts/post-build.mjs, renameWasmNames):
// the wasm's imports, exports and import module get short names, and the glue
// must follow every one of them, or the build fails rather than ship a glue that
// cannot instantiate its wasm. The release build's end-to-end tests load the real
// pair; these check the rewrite on wasm-bindgen's shape and its refusals.
//
//   node --test tests/post-build.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renameWasmNames } from '../scripts/post-build.mjs';

/** A glue in wasm-bindgen 0.2's shape: the import object, then code that calls exports. */
const GLUE = `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_now_463ac581d2fc7ea3: function() {
            const ret = Date.now();
            return ret;
        },
        __wbg_log_0123456789abcdef: function(arg0) {
            wasm.__wbindgen_free(arg0);
        },
    };
    return {
        __proto__: null,
        "./azsim_bg.js": import0,
    };
}
function __wbg_finalize_init(instance) {
    wasm = instance.exports;
    wasm.__wbindgen_start();
    return wasm;
}
export function debug_panic() {
    wasm.debug_panic();
}
`;

/** binaryen's renames for GLUE's wasm, as optimizeWasm returns them. */
const NAMES = {
  imports: [
    ['./azsim_bg.js', '__wbg_now_463ac581d2fc7ea3', 'a'],
    ['./azsim_bg.js', '__wbg_log_0123456789abcdef', '$b'],
  ],
  exports: [
    ['__wbindgen_free', 'c'],
    ['__wbindgen_start', 'd'],
    ['debug_panic', 'e'],
  ],
  module: 'a',
};

test('imports, the import module and exports take the wasm new names', () => {
  const out = renameWasmNames(GLUE, NAMES);
  assert.match(out, /^\s+a: function\(\) \{$/m);
  assert.match(out, /^\s+\$b: function\(arg0\) \{$/m);
  assert.match(out, /^\s+"a": import0,$/m);
  assert.match(out, /wasm\.c\(arg0\)/);
  assert.match(out, /wasm\.d\(\)/);
  assert.match(out, /wasm\.e\(\)/);
  assert.doesNotMatch(out, /__wbg_now|__wbg_log|azsim_bg\.js|wasm\.__wbindgen|wasm\.debug_panic/);
  // What JavaScript calls stays: the glue's own exported functions keep their names.
  assert.match(out, /export function debug_panic\(\)/);
});

test('the renamed glue builds the import object the renamed wasm asks for', () => {
  const out = renameWasmNames(GLUE, NAMES);
  const imports = new Function(`${out.replace(/^export /gm, '')}\nreturn __wbg_get_imports();`)();
  assert.deepEqual(Object.keys(imports), ['a']);
  assert.deepEqual(Object.keys(imports.a), ['a', '$b']);
});

test('a glue that does not match the wasm fails the build', () => {
  const missingImport = { ...NAMES, imports: [...NAMES.imports, ['./azsim_bg.js', '__wbg_gone_ffffffffffffffff', 'f']] };
  assert.throws(() => renameWasmNames(GLUE, missingImport), /2 of 3 imports renamed/);
  const missingExport = { ...NAMES, exports: NAMES.exports.filter(([name]) => name !== 'debug_panic') };
  assert.throws(() => renameWasmNames(GLUE, missingExport), /lacks: debug_panic/);
  const twoModules = GLUE.replace('"./azsim_bg.js": import0,', '"./azsim_bg.js": import0,\n        "./snippet_bg.js": import0,');
  assert.throws(() => renameWasmNames(twoModules, NAMES), /2 import modules/);
});

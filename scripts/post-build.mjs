#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml [[hooks]] stage = "post_build"). Works in
// TRUNK_STAGING_DIR, the finished output before Trunk moves it to dist/:
//
//  0. Puts the essentials (scripts/essentials.mjs: the codes that work without
//     internet, in each language) in index.html's loading shell, and
//     copies the language packs the wasm names, both parts of each
//     (lang/<code>-<hash>.bin, lang/<code>-more-<hash>.bin), the validity rules
//     (lang/<code>-validity-<hash>.bin) and the evidence
//     (lang/evidence-<hash>.bin), written by build.rs into Cargo's OUT_DIR, into the
//     output's lang/ folder.
//  1. Moves Trunk's inline `<script type="module">` loader out of index.html into
//     boot-<hash>.js and loads that instead (with an `integrity` hash), so the page runs
//     under a Content-Security-Policy whose script-src has no 'unsafe-inline'
//     ("script-src 'self' 'wasm-unsafe-eval'"). Its first lines start the download of
//     the language pack the app will ask for and show the essentials in its language (packPreload).
//     In release builds it is minified with terser (its comments are for this file's readers).
//  1a. In release builds, optimizes the wasm (Trunk leaves it alone: data-wasm-opt="0")
//     with wasm-opt -Oz, and puts the new `integrity` hash in index.html. (The exports
//     nothing calls never reach it: see scripts/wasm-ld, the linker.)
//  1b. In release builds, minifies wasm-bindgen's JavaScript glue (azsim-<hash>.js) with
//     terser (-22 % brotli'd), without the classes whose exports the linker left out, and
//     puts the new `integrity` hash in index.html.
//  1c. Gives the two modules loaded on first use (built by Trunk as worker-type modules,
//     so not loaded by the page) hashed names, optimized and minified in release builds,
//     and each a loader in the boot script (hashModule): the on-demand module
//     (src/bin/extras.rs: the clerk's card, sharing, the copy box, the reminders' files),
//     `azsimExtras()`, which the app calls on the first tap that needs it; and the
//     reminders module (src/bin/reminders.rs: the stored document, the due banner, the
//     reminders section), `azsimReminders()`, which the app calls as it mounts when a
//     document is stored, else on the first tap that needs it.
//  2. Lists every output file (recursively, except sw.js, hidden files, _headers and
//     _redirects) as the service worker's precache list, as URLs relative to the worker
//     ("./azsim-<hash>_bg.wasm"), plus "./".
//  3. VERSION = the first 16 hex digits of a sha256 over the sorted file names and
//     contents and over the worker template: any change to the output gives new bytes in
//     sw.js, so browsers install it as an update; an unchanged build gives the same sw.js.
//  4. Writes sw.js from the template public/sw.js with VERSION and the list.
//
// The functions are exported for the tests (e2e/pwa.spec.mjs builds a second version of
// dist/ with writeServiceWorker). Usage outside Trunk:
//   TRUNK_STAGING_DIR=dist node scripts/post-build.mjs   (on a fresh Trunk output only)

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { essentialsByLang, withEssentials, writeEssentials } from './essentials.mjs';

export const TEMPLATE = fileURLToPath(new URL('../public/sw.js', import.meta.url));
const VERSION_SLOT = "'__AZSIM_VERSION__'";
const PRECACHE_SLOT = '[/* __AZSIM_PRECACHE__ */]';
const WORKER = 'sw.js';
// Host configuration files that Netlify and Cloudflare Pages read and do not serve: a
// precached URL that answers 404 would fail the worker's install.
const NOT_SERVED = new Set(['_headers', '_redirects']);

const sha256 = (data) => createHash('sha256').update(data).digest();

/** Replaces the one occurrence of `slot` in `text`, or throws. */
function fill(text, slot, value, what) {
  const first = text.indexOf(slot);
  if (first < 0 || text.indexOf(slot, first + slot.length) >= 0) {
    throw new Error(`${what}: expected exactly one ${slot}`);
  }
  return text.slice(0, first) + value + text.slice(first + slot.length);
}

/**
 * Code for the start of the boot script that starts downloading the language pack the
 * app will ask for while the wasm is still loading, so the pack is not one more round
 * trip after it. It guesses the language as `Lang::detect` (crates/domain/src/lang.rs) picks
 * it: `?lang=`, the saved choice, the browser's languages, English. The app decides for
 * itself and fetches the same URL, which the browser then serves from this download; a
 * wrong guess costs one unused file, nothing else. `packs`: the pack paths
 * ("lang/en-<hash>.bin").
 */
export function packPreload(packs, publicUrl = './', essentials = '') {
  const prefix = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const urls = Object.fromEntries(packs.map((p) => [p.slice('lang/'.length, 'lang/'.length + 2), prefix + p]));
  return `// Starts the language pack's download now (scripts/post-build.mjs, packPreload).
{
  const packs = ${JSON.stringify(urls)};
  let lang = new URLSearchParams(location.search).get('lang');
  try {
    if (!packs[lang]) lang = JSON.parse(localStorage.getItem('azsim.v1') || '{}')?.prefs?.lang;
  } catch {}
  if (!packs[lang]) lang = [...(navigator.languages || [])].map((t) => t.split(/[-_]/)[0].toLowerCase()).find((c) => packs[c]) || 'en';
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: packs[lang] });
  document.head.append(link);
${essentials}}
`;
}

/** `code`, an ES module, minified with terser (no comments): the glue and the boot script. */
async function minifyModule(code) {
  const { minify } = await import('terser');
  return (await minify(code, { module: true, compress: true, mangle: true, format: { comments: false } })).code;
}

/**
 * Step 1: moves the inline module script of `dir`/index.html into boot-<hash>.js, after
 * `prelude` (code to run first). `publicUrl` prefixes the new src, like Trunk's own
 * asset URLs (TRUNK_PUBLIC_URL). Returns the new file's name.
 */
export async function externalizeBoot(dir, { publicUrl = './', prelude = '', minify = false } = {}) {
  const htmlPath = path.join(dir, 'index.html');
  const html = await readFile(htmlPath, 'utf8');
  // Trunk writes exactly `<script type="module">` for its loader (`<script type=module>`
  // once minified; and, under `trunk serve`, a classic inline script for live reload,
  // which is left alone).
  const inline = [...html.matchAll(/<script type="?module"?>([\s\S]*?)<\/script>/g)];
  if (inline.length !== 1) {
    throw new Error(`${htmlPath}: expected one inline <script type="module"> (Trunk's loader), found ${inline.length}`);
  }
  const [tag, code] = inline[0];
  let body = prelude + code.trim() + '\n';
  if (minify) {
    // Its comments are for this file's readers, not for every visitor's line.
    body = (await minifyModule(body)) + '\n';
  }
  const name = `boot-${sha256(body).toString('hex').slice(0, 16)}.js`;
  const integrity = `sha384-${createHash('sha384').update(body).digest('base64')}`;
  const prefix = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const external = `<script type="module" src="${prefix}${name}" integrity="${integrity}"></script>`;
  await writeFile(path.join(dir, name), body);
  await writeFile(htmlPath, html.replace(tag, () => external));
  return name;
}

const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

/** The one file of `dir` whose name matches `pattern`, as a path. */
async function onlyFile(dir, pattern, what) {
  const names = (await readdir(dir)).filter((n) => pattern.test(n));
  if (names.length !== 1) throw new Error(`${dir}: expected one ${what}, found ${names.length}`);
  return path.join(dir, names[0]);
}

/**
 * Writes `after` over the file `file` (which held `before`); with `integrity`, also its
 * new hash into index.html (the on-demand module's files have none there).
 */
async function replaceFile(dir, file, before, after, what, integrity) {
  await writeFile(file, after);
  if (!integrity) return;
  const htmlPath = path.join(dir, 'index.html');
  const html = await readFile(htmlPath, 'utf8');
  await writeFile(htmlPath, fill(html, sri(before), sri(after), `the ${what}'s integrity hash`));
}

/** wasm-opt's features and passes for the release wasm. */
const WASM_OPT = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];
// The producers and target-features sections (the toolchain's names and versions, the
// features it used) are read by no browser: 78 B brotli a module.
const WASM_OPT_PASSES = ['-Oz', '--converge', '--traps-never-happen', '--zero-filled-memory', '--low-memory-unused', '--strip-producers', '--strip-target-features'];

/**
 * Step 1a: optimizes `file` (a wasm of `dir`) with wasm-opt (from the npm package
 * binaryen, on PATH), then shortens the names of its imports, exports and import module
 * (wasm-bindgen's are up to 60 characters, with a hash that does not compress: 2.5 KB of
 * the brotli'd wasm, and as much again in the glue, which `minifyGlue` renames to
 * match); with `integrity`, puts its new hash in index.html. Returns [bytes before,
 * bytes after, the renames: see `renameWasmNames`].
 */
export async function optimizeWasm(dir, file, { integrity = true } = {}) {
  const before = await readFile(file);
  const work = await mkdtemp(path.join(tmpdir(), 'azsim-wasm-'));
  try {
    const [optimized, renamed] = ['optimized.wasm', 'renamed.wasm'].map((n) => path.join(work, n));
    const run = promisify(execFile);
    await run('wasm-opt', [...WASM_OPT, ...WASM_OPT_PASSES, file, '-o', optimized]);
    // Prints the renames as JSON: { imports: [[module, name, new name]], exports: [[name, new name]] }.
    const { stdout } = await run('wasm-opt', [...WASM_OPT, '--minify-imports-and-exports-and-modules', optimized, '-o', renamed], { maxBuffer: 64 << 20 });
    const after = await readFile(renamed);
    const modules = [...new Set(WebAssembly.Module.imports(new WebAssembly.Module(after)).map((i) => i.module))];
    if (modules.length !== 1) throw new Error(`${file}: expected the renamed wasm to import from one module, found ${modules.join(', ')}`);
    const names = { ...JSON.parse(stdout), module: modules[0] };
    await replaceFile(dir, file, before, after, 'wasm', integrity);
    return [before.length, after.length, names];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * wasm-bindgen's classes whose exports the linker left out (scripts/wasm-ld): it still
 * writes them into the glue, from the description the crate carries.
 */
const UNUSED_CLASS = /^IntoUnderlying(ByteSource|Sink|Source)$/;

/**
 * The glue without the classes of the exports the linker left out (UNUSED_CLASS): each
 * `export class X { ... }`, its `if (Symbol.dispose) X.prototype...` line and its
 * `const XFinalization = ...;`. Throws if wasm-bindgen's output no longer has that shape
 * (a class is left behind).
 */
export function dropUnusedClasses(code) {
  const out = code
    .replace(/^export class (\w+) \{\n[\s\S]*?^\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm, (all, name) => (UNUSED_CLASS.test(name) ? '' : all))
    .replace(/^const (\w+)Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n.*\n.*\n/gm, (all, name) => (UNUSED_CLASS.test(name) ? '' : all));
  if (/IntoUnderlying/.test(out)) throw new Error('the glue still names IntoUnderlying*: wasm-bindgen changed its output');
  return out;
}

/**
 * The glue with the wasm's new names (`names`, from optimizeWasm): the import object's
 * keys, its one module's name (wasm-bindgen's "./<crate>_bg.js") and every `wasm.<export>`.
 * Throws if wasm-bindgen's output no longer has that shape (a name is left as it was).
 */
export function renameWasmNames(code, names) {
  const imports = new Map(names.imports.map(([, name, renamed]) => [name, renamed]));
  const exports = new Map(names.exports);
  const module = /^(\s*)"\.\/[\w-]+_bg\.js"(: import0,)$/gm;
  const modules = code.match(module)?.length ?? 0;
  if (modules !== 1) throw new Error(`the glue names ${modules} import modules, expected one "./<crate>_bg.js"`);
  let out = code.replace(module, (all, indent, rest) => indent + JSON.stringify(names.module) + rest);
  let keys = 0;
  out = out.replace(/^(\s*)([\w$]+)(: function)/gm, (all, indent, name, rest) => {
    if (!imports.has(name)) return all;
    keys += 1;
    return indent + imports.get(name) + rest;
  });
  const unknown = [];
  out = out.replace(/\bwasm\.([\w$]+)/g, (all, name) => {
    if (exports.has(name)) return `wasm.${exports.get(name)}`;
    unknown.push(name);
    return all;
  });
  if (keys !== imports.size || unknown.length) {
    throw new Error(`the glue does not match the wasm's names (${keys} of ${imports.size} imports renamed; exports it uses that the wasm lacks: ${unknown.slice(0, 3).join(', ') || 'none'}): wasm-bindgen changed its output`);
  }
  return out;
}

/**
 * Minifies a wasm-bindgen glue (`file`, a .js of `dir`) in place, without the unused
 * classes (`dropUnusedClasses`) and with the wasm's new names (`names`, from
 * optimizeWasm); with `integrity`, replaces its sha384 hash in index.html. Returns
 * [bytes before, bytes after].
 */
export async function minifyGlue(dir, file, names, { integrity = true } = {}) {
  const code = await readFile(file, 'utf8');
  const out = await minifyModule(renameWasmNames(dropUnusedClasses(code), names));
  await replaceFile(dir, file, code, out, 'glue', integrity);
  return [Buffer.byteLength(code), Buffer.byteLength(out)];
}

/**
 * The modules loaded on first use: the name Trunk gives their files (a worker-type build:
 * `<name>.js` and `<name>_bg.wasm`, no hash), the boot script's loader that loads them,
 * and the stylesheet that comes with them, if any.
 */
const ON_DEMAND = [
  { name: 'extras', loader: 'azsimExtras', css: fileURLToPath(new URL('../style/extras.css', import.meta.url)) },
  { name: 'reminders', loader: 'azsimReminders', css: null },
];
/** Their files once hashed (scripts/sizes.mjs leaves them out of the first load). */
export const ON_DEMAND_FILE = /^(?:extras|reminders)-[0-9a-f]{16}(?:\.js|_bg\.wasm|\.css)$/;

/**
 * Step 1c: gives a module loaded on first use (an ON_DEMAND entry) content-hashed names,
 * <name>-<hash>.js and <name>-<hash>_bg.wasm (in release builds optimized and minified
 * first, as the app's), writes its stylesheet beside them as <name>-<hash>.css, and
 * returns the boot script's code for its loader: it loads the module (and stylesheet) on
 * the first call and gives the same module to every later one; a failed load (offline
 * before the service worker had it) is tried again next time.
 */
export async function hashModule(dir, { name, loader, css }, { release, publicUrl = './' }) {
  const js = path.join(dir, `${name}.js`);
  const wasm = path.join(dir, `${name}_bg.wasm`);
  if (release) {
    const [, , names] = await optimizeWasm(dir, wasm, { integrity: false });
    await minifyGlue(dir, js, names, { integrity: false });
  }
  const sheet = css ? await readFile(css) : Buffer.alloc(0);
  const hash = sha256(Buffer.concat([await readFile(js), await readFile(wasm), sheet])).toString('hex').slice(0, 16);
  const names = { js: `${name}-${hash}.js`, wasm: `${name}-${hash}_bg.wasm`, css: `${name}-${hash}.css` };
  await rename(js, path.join(dir, names.js));
  await rename(wasm, path.join(dir, names.wasm));
  if (css) await writeFile(path.join(dir, names.css), sheet);
  const [jsUrl, wasmUrl, cssUrl] = [names.js, names.wasm, names.css].map((n) => JSON.stringify((publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`) + n));
  const parts = css ? `Promise.all([import(${jsUrl}), sheet()])` : `Promise.all([import(${jsUrl})])`;
  return `// Loads ${name}-<hash>.js when the app first calls for it (scripts/post-build.mjs, hashModule).
{
  let loading = null;
${css ? `  const sheet = () => new Promise((onload, onerror) => {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: ${cssUrl}, onload, onerror }));
  });
` : ''}  globalThis.${loader} = () =>
    (loading ??= ${parts}
      .then(async ([m]) => { await m.default({ module_or_path: ${wasmUrl} }); return m; })
      .catch((err) => { loading = null; throw err; }));
}
`;
}

/**
 * The data files a wasm binary names, without repeats: each language pack's two parts,
 * "lang/en-<hash>.bin" (what the first ranked path needs) and "lang/en-more-<hash>.bin"
 * (sources, advice, facts: fetched after the first paint), each language's validity
 * rules, "lang/en-validity-<hash>.bin" (fetched by the on-demand module for the
 * calculator's answer), and "lang/evidence-<hash>.bin" (the sources' quotes, the same in
 * every language: fetched when a reader opens them).
 */
export function dataFileNames(wasm) {
  return [...new Set(wasm.toString('latin1').match(/lang\/(?:[a-z]{2}(?:-more|-validity)?|evidence)-[0-9a-f]{16}\.bin/g) ?? [])];
}

/** The language packs' first parts ("lang/en-<hash>.bin") a wasm binary names, without repeats. */
export function packNames(wasm) {
  return dataFileNames(wasm).filter((name) => /^lang\/[a-z]{2}-[0-9a-f]{16}\.bin$/.test(name));
}

/**
 * Step 0: copies into `dir`/lang/ every data file the wasm modules in `dir` name (both
 * parts of each language pack; the evidence, which only the on-demand module names),
 * from the build's OUT_DIR (under `targetDir`, default $CARGO_TARGET_DIR or ./target).
 * The names carry a hash of the content, so any build directory holding one has the
 * right bytes. Returns the language packs' names; throws if a file is missing.
 */
export async function copyPacks(dir, { targetDir = process.env.CARGO_TARGET_DIR || 'target' } = {}) {
  const wasms = (await readdir(dir)).filter((f) => f.endsWith('_bg.wasm'));
  if (!wasms.length) throw new Error(`${dir}: no *_bg.wasm`);
  const bytes = Buffer.concat(await Promise.all(wasms.map((w) => readFile(path.join(dir, w)))));
  const names = dataFileNames(bytes);
  const packs = packNames(bytes);
  if (packs.length !== 4) throw new Error(`${wasms.join(', ')}: expected 4 language pack names, found ${packs.length}`);
  if (names.length !== 13) throw new Error(`${wasms.join(', ')}: expected each pack's second part, validity rules and the evidence beside them, found ${names.length - 4} files`);
  const outDirs = [];
  for (const triple of ['wasm32-unknown-unknown', '.']) {
    for (const profile of ['release', 'debug']) {
      const build = path.join(targetDir, triple, profile, 'build');
      const entries = await readdir(build).catch(() => []);
      outDirs.push(...entries.filter((e) => e.startsWith('azsim-')).map((e) => path.join(build, e, 'out')));
    }
  }
  await mkdir(path.join(dir, 'lang'), { recursive: true });
  for (const name of names) {
    let copied = false;
    for (const out of outDirs) {
      try {
        await copyFile(path.join(out, name), path.join(dir, name));
        copied = true;
        break;
      } catch {
        // not in this build directory
      }
    }
    if (!copied) throw new Error(`${name}: not found under ${targetDir}/*/build/azsim-*/out`);
  }
  return packs;
}

/**
 * Every regular file under `dir` as sorted posix paths relative to it, leaving out
 * hidden ones (a name starting with "."; Trunk stages in dist/.stage, for one).
 */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/**
 * Steps 2 to 4: writes `dir`/sw.js from `template` (default public/sw.js).
 * Returns { version, urls, files, bytes }: the precache URLs, the number of distinct
 * files and their total size.
 */
export async function writeServiceWorker(dir, { template = TEMPLATE } = {}) {
  const source = await readFile(template, 'utf8');
  const files = (await listFiles(dir)).filter((f) => f !== WORKER && !NOT_SERVED.has(f));
  if (!files.includes('index.html')) throw new Error(`${dir}: no index.html`);

  const hash = createHash('sha256');
  hash.update(`template\0${source.length}\0`).update(source);
  let bytes = 0;
  for (const file of files) {
    const content = await readFile(path.join(dir, file));
    bytes += content.length;
    hash.update(`\0${file}\0${content.length}\0`).update(content);
  }
  const version = hash.digest('hex').slice(0, 16);

  // "./" is the start_url and what a bare visit asks for; it holds index.html again.
  const urls = ['./', ...files.map((f) => `./${f.split('/').map(encodeURIComponent).join('/')}`)];
  let worker = fill(source, VERSION_SLOT, JSON.stringify(version), template);
  worker = fill(worker, PRECACHE_SLOT, `[\n  ${urls.map((u) => JSON.stringify(u)).join(',\n  ')},\n]`, template);
  await writeFile(path.join(dir, WORKER), worker);
  return { version, urls, files: files.length, bytes };
}

async function main() {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  const htmlPath = path.join(dir, 'index.html');
  const essentials = await essentialsByLang();
  await writeFile(htmlPath, withEssentials(await readFile(htmlPath, 'utf8'), essentials));
  const packs = await copyPacks(dir, {
    targetDir: process.env.CARGO_TARGET_DIR || path.join(process.env.TRUNK_SOURCE_DIR || '.', 'target'),
  });
  const release = process.env.TRUNK_PROFILE === 'release';
  const appWasm = await onlyFile(dir, /^azsim-[0-9a-f]+_bg\.wasm$/, 'azsim-<hash>_bg.wasm');
  const appGlue = await onlyFile(dir, /^azsim-[0-9a-f]+\.js$/, 'azsim-<hash>.js');
  const wasm = release ? await optimizeWasm(dir, appWasm) : null;
  const glue = release ? await minifyGlue(dir, appGlue, wasm[2]) : null;
  const publicUrl = process.env.TRUNK_PUBLIC_URL || './';
  let loaders = '';
  for (const module of ON_DEMAND) loaders += await hashModule(dir, module, { release, publicUrl });
  const prelude = packPreload(packs, publicUrl, await writeEssentials(dir, essentials, publicUrl)) + loaders;
  const boot = await externalizeBoot(dir, { publicUrl, prelude, minify: release });
  const { version, urls, files, bytes } = await writeServiceWorker(dir);
  console.log(
    `post-build: ${packs.length} language packs (two parts each); ${wasm ? `wasm optimized ${wasm[0]} -> ${wasm[1]} bytes; ` : ''}${glue ? `glue minified ${glue[0]} -> ${glue[1]} bytes; ` : ''}${boot}; sw.js ${version} precaches ${files} files (${urls.length} URLs), ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`post-build: ${err.message}`);
    process.exit(1);
  });
}

// The essentials the static page shows while the app loads (issue "First answer fast on
// a throttled line"): for each operator, the codes that work without internet (data
// left, balance, loading a scratch card by USSD) as tap-to-dial links, and one line for a
// user with no data, in each of the app's languages. Built from the catalog (data/operators.json,
// data/channels.json: every code there has its quoted source) and the locales, by
// scripts/post-build.mjs:
//   - the English block is in index.html's #shell, painted with the HTML (and all a
//     browser without JavaScript shows);
//   - each other language's texts are a small file (lang/essentials-<code>-<hash>.json)
//     that the boot script fetches for the language it guesses (packPreload) and puts
//     in place, before the wasm arrives, with the masthead's tagline and `<html lang>`
//     (so that the page is in one language, and the masthead, whose text the app sets
//     to the same, does not move when it mounts).
// The app removes the whole shell when it mounts. The markup mirrors the app's code
// lists (src/ui/path_card.rs, code_list) so that it looks the same.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = new URL('../', import.meta.url);
const LANGS = ['zh', 'en', 'az', 'ru'];
/** The marker in index.html that the essentials replace (an empty template: minifying keeps it). */
const SLOT = '<template data-essentials></template>';
/**
 * Operator codes left out of the essentials: a postpaid line's balance (*650#) and an
 * information line (555) are not what someone whose data ran out needs first.
 */
const ESSENTIAL_SKIP = new Set(['*650#', '555']);
const PLACEHOLDERS = { '{card}': 'ph_card', '{number}': 'ph_number', '{amount}': 'ph_amount' };

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const json = async (file) => JSON.parse(await readFile(new URL(file, ROOT), 'utf8'));

/**
 * The essentials of `lang` as a list of texts and the markup around them: `texts[i]` is
 * the content of the element marked data-t="i". Only the texts differ between languages
 * (the codes, links and markup are the same), so the page carries the markup once.
 * `tagline` is the masthead's (index.html's #tagline, outside the block).
 */
async function essentials(lang, operators, channels) {
  const strings = await json(`locales/${lang}.json`);
  const texts = [];
  const text = (tag, value, attrs = '') => `<${tag}${attrs} data-t="${texts.push(value) - 1}">${escape(value)}</${tag}>`;
  const codeItem = (code) => {
    const what = text('span', code.what[lang], ' class="what"');
    if (/\{(card|number|amount)\}/.test(code.dial)) {
      const shown = code.dial.replace(/\{(card|number|amount)\}/g, (p) => `[${strings[PLACEHOLDERS[p]]}]`);
      return `<li><span class="fill">${text('span', strings.code_fill_in)} ${text('code', shown)}</span> ${what}</li>`;
    }
    const href = `tel:${code.dial.replaceAll('#', '%23')}`;
    return `<li><a class="dial" href="${escape(href)}">${escape(code.dial)}</a> ${what}</li>`;
  };
  const lists = operators
    .filter((op) => op.codes?.length > 0)
    .map((op) => {
      // What the issue asks for, per operator: data left, balance, loading a card.
      const codes = op.codes.filter((c) => !ESSENTIAL_SKIP.has(c.dial));
      for (const ch of channels.filter((c) => c.operator === op.id && c.kind === 'scratch_card')) {
        for (const code of ch.codes ?? []) {
          if (code.kind === 'ussd' && /\{card\}/.test(code.dial)) codes.push(code);
        }
      }
      return `<h3>${escape(op.name)}</h3><ul class="codes">${codes.map(codeItem).join('')}</ul>`;
    });
  const html =
    `<section class="essentials" lang="${lang}" aria-labelledby="essentials-heading">` +
    text('p', strings.loading, ' class="loading" role="status"') +
    text('h2', strings.label_codes, ' id="essentials-heading"') +
    text('p', strings.shell_no_data) +
    lists.join('') +
    '</section>';
  return { html, texts, tagline: strings.tagline };
}

/** { lang: { html, texts } } for every language (see `essentials`). */
export async function essentialsByLang() {
  const { operators } = await json('data/operators.json');
  const channels = await json('data/channels.json');
  const out = {};
  for (const lang of LANGS) out[lang] = await essentials(lang, operators, channels);
  return out;
}

/**
 * `html` (an index.html) with the English essentials of `all` (essentialsByLang) in place
 * of SLOT. Its masthead must carry the English tagline, which the boot script replaces.
 */
export function withEssentials(html, all) {
  const { en } = all;
  const at = html.indexOf(SLOT);
  if (at < 0 || html.indexOf(SLOT, at + 1) >= 0) throw new Error(`index.html: expected exactly one ${SLOT}`);
  if (!html.includes(escape(en.tagline))) throw new Error('index.html: the #tagline is not locales/en.json\'s "tagline"');
  return html.slice(0, at) + en.html + html.slice(at + SLOT.length);
}

/** The name of a language's essentials file (its texts, JSON) in the output. */
export const ESSENTIALS_FILE = /^lang\/essentials-[a-z]{2}-[0-9a-f]{16}\.json$/;

/**
 * Writes each other language's texts (of `all`, essentialsByLang) to
 * `dir`/lang/essentials-<code>-<hash>.json as `{ tagline, texts }` (`texts` in the order of
 * the English block's data-t marks: the markup is the same in every language, which this
 * checks) and returns boot-script code that fetches the file of `lang` (a variable it
 * defines) and puts its texts in place, before the wasm arrives. One small file, of the
 * visitor's language only.
 */
export async function writeEssentials(dir, all, publicUrl = './') {
  const markup = (html) => html.replace(/>[^<]*</g, '><').replace(/lang="[a-z]{2}"/, '');
  const urls = {};
  const prefix = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  await mkdir(path.join(dir, 'lang'), { recursive: true });
  for (const lang of LANGS.filter((l) => l !== 'en')) {
    if (markup(all[lang].html) !== markup(all.en.html)) throw new Error(`essentials: the ${lang} markup differs from the English one`);
    const body = JSON.stringify({ tagline: all[lang].tagline, texts: all[lang].texts });
    const name = `lang/essentials-${lang}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.json`;
    await writeFile(path.join(dir, name), body);
    urls[lang] = prefix + name;
  }
  return `  // The essentials and the tagline in that language (scripts/essentials.mjs), unless
  // the app has mounted (and set them) first.
  const essentials = ${JSON.stringify(urls)}[lang];
  if (essentials) {
    fetch(essentials).then((r) => r.json()).then(({ tagline, texts }) => {
      const block = document.querySelector('.essentials');
      if (!block) return;
      document.documentElement.lang = block.lang = lang;
      for (const el of block.querySelectorAll('[data-t]')) el.textContent = texts[el.dataset.t];
      document.getElementById('tagline').textContent = tagline;
    }).catch(() => {});
  }
`;
}

// Property tests of the embed loader (public/embed.js), run by node's test
// runner in a fake page: the loader runs in a `node:vm` context with just the
// DOM it touches (its <script> tag with data-* attributes, iframes with a
// contentWindow, window.addEventListener). Any message from anywhere must
// never throw nor set a height outside 100..20000 px; only a height message
// from the widget's origin and its own frame sets it. The data-* attributes
// reach the frame's URL only as values of the public vocabulary.
//
//   node --test tests/embed-message.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import fc from 'fast-check';

const CODE = readFileSync(new URL('../public/embed.js', import.meta.url), 'utf8');
const HOST = 'https://azsim.example.org';
const SRC = `${HOST}/embed.js`;
const MIN = 100;
const MAX = 20000;
const INITIAL = '600px';
const TYPE = 'azsim:height';

// data-* attribute (dataset name) → URL parameter and allowed values, as the
// README's table lists them.
const VOCABULARY = [
  ['lang', 'lang', ['zh', 'en', 'az', 'ru']],
  ['sim', 'sim', ['physical', 'esim', 'travel_esim']],
  ['operator', 'op', ['azercell', 'bakcell', 'nar', 'airalo', 'holafly', 'other_esim', 'unsure']],
  ['pay', 'pay', ['cash', 'local_card', 'foreign_card', 'wallet', 'transfer']],
  ['online', 'online', ['1', '0']],
  ['inaz', 'inaz', ['1', '0']],
  ['plan', 'plan', ['prepaid', 'postpaid']],
  ['theme', 'theme', ['light', 'dark', 'auto']],
];
const isAccent = (v) => /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v);

function script(src, data = {}) {
  const attributes = {};
  return {
    src,
    dataset: { ...data },
    parentNode: { insertBefore: (node) => (node.placed = 'after its script') },
    closest: () => null,
    hasAttribute: (name) => name in attributes,
    setAttribute: (name, value) => (attributes[name] = String(value)),
  };
}

// A page with one <script> tag per entry of `tags` ({ src, data }), each
// running the loader as the browser would.
function page(tags) {
  const frames = [];
  const listeners = [];
  const document = {
    currentScript: null,
    documentElement: { lang: 'en' },
    body: { appendChild: (node) => (node.placed = 'end of body') },
    createElement(tag) {
      assert.equal(tag, 'iframe');
      const frame = {
        style: {},
        attributes: {},
        contentWindow: { frameIndex: frames.length },
        setAttribute(name, value) {
          this.attributes[name] = String(value);
        },
      };
      frames.push(frame);
      return frame;
    },
    addEventListener() {},
    querySelectorAll: () => [],
  };
  const global = {
    document,
    URL,
    URLSearchParams,
    performance: { mark() {} },
    addEventListener: (type, listener) => listeners.push({ type, listener }),
  };
  global.window = global;
  vm.createContext(global);
  for (const { src = SRC, data = {} } of tags) {
    document.currentScript = script(src, data);
    vm.runInContext(CODE, global, { filename: 'public/embed.js' });
  }
  const onMessage = listeners.filter((l) => l.type === 'message').map((l) => l.listener);
  return {
    frames,
    window: global,
    listenerCount: onMessage.length,
    post: (event) => onMessage.forEach((listener) => listener(event)),
  };
}

// What a height message carries: right or wrong type, any height.
const height = fc.oneof(
  fc.double(),
  fc.double({ min: MIN - 1, max: MAX + 1 }),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 99.999, MIN, MAX, MAX + 0.0001, Number.MAX_VALUE, Number.MIN_VALUE, 1e308),
  fc.string(),
  fc.constantFrom('500', '500px', ''),
  fc.bigInt(),
  fc.constant(null),
  fc.constant(undefined),
  fc.anything(),
);
const type = fc.oneof(
  { weight: 3, arbitrary: fc.constant(TYPE) },
  { weight: 1, arbitrary: fc.constantFrom('azsim:Height', ' azsim:height', 'azsim:height ', 'height', '') },
  { weight: 1, arbitrary: fc.string() },
);
const payload = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type, height }, { requiredKeys: [] }) },
  {
    weight: 1,
    arbitrary: fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
);
const origin = fc.oneof(
  { weight: 3, arbitrary: fc.constant(HOST) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      `${HOST}/`,
      HOST.toUpperCase(),
      'http://azsim.example.org',
      `${HOST}:8443`,
      'https://evil.example',
      'https://azsim.example.org.evil.example',
      'null',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.webUrl().map((u) => new URL(u).origin) },
  { weight: 1, arbitrary: fc.string() },
);
// Who sent it: the widget's own frame, another frame, the page, nobody.
const source = fc.constantFrom('own', 'other frame', 'page', 'stranger', null, undefined);
const event = fc.record({ origin, source, data: payload });

function sourceOf(who, p, own) {
  switch (who) {
    case 'own':
      return p.frames[own].contentWindow;
    case 'other frame':
      return p.frames[(own + 1) % p.frames.length].contentWindow;
    case 'page':
      return p.window;
    case 'stranger':
      return { frameIndex: own };
    default:
      return who;
  }
}

// The spec: a finite number in range, typed as a height message, from the
// widget's origin and its own frame.
function accepted(e, ownWindow) {
  const d = e.data;
  return (
    e.origin === HOST &&
    e.source === ownWindow &&
    d !== null &&
    typeof d === 'object' &&
    d.type === TYPE &&
    typeof d.height === 'number' &&
    Number.isFinite(d.height) &&
    d.height >= MIN &&
    d.height <= MAX
  );
}

function assertHeightInRange(frame) {
  const m = /^(\d+)px$/.exec(frame.style.height);
  assert.ok(m, `height ${frame.style.height}`);
  const px = Number(m[1]);
  assert.ok(frame.style.height === INITIAL || (px >= MIN && px <= MAX), `height ${px}`);
}

test('one widget per tag, placed after it, at the initial height', () => {
  const p = page([{ data: { lang: 'ru' } }, {}]);
  assert.equal(p.frames.length, 2);
  assert.equal(p.listenerCount, 2);
  assert.equal(p.frames[0].src, `${HOST}/?embed=1&lang=ru`);
  assert.equal(p.frames[1].src, `${HOST}/?embed=1`);
  for (const frame of p.frames) {
    assert.equal(frame.placed, 'after its script');
    assert.equal(frame.style.height, INITIAL);
  }
});

test('a height message from its own frame and origin sets the height', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: MIN, max: MAX }), fc.double({ min: MIN, max: MAX, noNaN: true })), (h) => {
      const p = page([{}]);
      p.post({ origin: HOST, source: p.frames[0].contentWindow, data: { type: TYPE, height: h } });
      assert.equal(p.frames[0].style.height, `${Math.ceil(h)}px`);
      assertHeightInRange(p.frames[0]);
    }),
    { numRuns: 300 },
  );
});

test('any message sequence never throws, and only valid ones set the height', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(event, fc.nat(1)), { maxLength: 12 }), (events) => {
      // Two widgets on the page: one frame must not resize the other.
      const p = page([{ data: { lang: 'en' } }, { data: { sim: 'esim' } }]);
      const expected = p.frames.map(() => INITIAL);
      for (const [e, own] of events) {
        const sent = { ...e, source: sourceOf(e.source, p, own) };
        assert.doesNotThrow(() => p.post(sent));
        p.frames.forEach((frame, i) => {
          if (accepted(sent, frame.contentWindow)) expected[i] = `${Math.ceil(sent.data.height)}px`;
          assert.equal(frame.style.height, expected[i]);
          assertHeightInRange(frame);
        });
      }
    }),
    { numRuns: 1000 },
  );
});

test('a frame only hears its own origin', () => {
  // The same loader served from elsewhere trusts that origin, not AzSIM's.
  fc.assert(
    fc.property(fc.webUrl({ withQueryParameters: true }), fc.double({ min: MIN, max: MAX, noNaN: true }), (url, h) => {
      const src = new URL('embed.js', url).href;
      const p = page([{ src }]);
      assert.equal(p.frames.length, 1);
      const own = p.frames[0].contentWindow;
      const base = new URL('./', src);
      assert.ok(p.frames[0].src.startsWith(`${base.href}?embed=1`), p.frames[0].src);
      if (base.origin !== HOST) {
        p.post({ origin: HOST, source: own, data: { type: TYPE, height: h } });
        assert.equal(p.frames[0].style.height, INITIAL);
      }
      p.post({ origin: base.origin, source: own, data: { type: TYPE, height: h } });
      assert.equal(p.frames[0].style.height, `${Math.ceil(h)}px`);
    }),
    { numRuns: 300 },
  );
});

test('any src never throws; a frame appears only for a real base URL', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', '//x/embed.js', 'embed.js')), (src) => {
      let base = null;
      try {
        base = new URL('./', src);
      } catch {
        base = null;
      }
      const p = page([{ src }]);
      if (src === '' || base === null) {
        assert.equal(p.frames.length, 0, src);
      } else {
        assert.equal(p.frames.length, 1, src);
        assert.equal(p.frames[0].src, `${base.href}?embed=1`);
      }
    }),
    { numRuns: 500 },
  );
});

test('data-* attributes reach the frame only as vocabulary values', () => {
  const names = [...VOCABULARY.map(([name]) => name), 'accent', 'op', 'embed', 'src', 'constructor', '__proto__'];
  const values = [...VOCABULARY.flatMap(([, , allowed]) => allowed), '#0A7', '#00aa77', '#0a77', 'red', 'javascript:x'];
  const value = fc.oneof(
    fc.constantFrom(...values),
    fc.constantFrom(...values).map((v) => ` ${v}\n`),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );
  const dataset = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 })), value, {
    maxKeys: 8,
  });
  fc.assert(
    fc.property(dataset, (data) => {
      const p = page([{ data }]);
      assert.equal(p.frames.length, 1);
      const expected = new URLSearchParams({ embed: '1' });
      for (const [name, param, allowed] of [...VOCABULARY, ['accent', 'accent', null]]) {
        const own = Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
        if (typeof own !== 'string') continue;
        const v = own.trim();
        if (allowed ? allowed.includes(v) : isAccent(v)) expected.set(param, v);
      }
      assert.equal(p.frames[0].src, `${HOST}/?${expected}`);
      const query = new URL(p.frames[0].src).searchParams;
      for (const [param, v] of query) {
        if (param === 'embed') assert.equal(v, '1');
        else if (param === 'accent') assert.ok(isAccent(v), v);
        else assert.ok(VOCABULARY.some(([, n, allowed]) => n === param && allowed.includes(v)), `${param}=${v}`);
      }
      assert.match(p.frames[0].title, /^AzSIM[:：]/);
    }),
    { numRuns: 500 },
  );
});

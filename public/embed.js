/*
 * AzSIM embed loader: put
 *
 *   <script src="https://HOST/embed.js" data-lang="en" async></script>
 *
 * where the widget should appear. It inserts an <iframe> with the AzSIM app
 * (https://HOST/?embed=1&...) right after the <script> tag, and keeps the
 * frame as tall as its content. Settings come from the tag's data-* attributes
 * (see the README, "Embed AzSIM on your site"); bad values are dropped, so the
 * app shows its defaults.
 *
 * No dependencies, no cookies, no storage, no requests of its own, no inline
 * styles or scripts (works under a strict host Content-Security-Policy), and
 * no globals.
 */
(function () {
  'use strict';

  // Marks the loader's start, so a page can measure the time to the widget.
  if (window.performance && typeof performance.mark === 'function') {
    performance.mark('azsim-embed-start');
  }

  // Set on each <script> this loader has handled (several tags may share one
  // file, and each runs it again).
  var DONE = 'data-azsim-embed';

  // data-* attribute (dataset name) → URL parameter and its allowed values.
  var PARAMS = [
    ['lang', 'lang', ['zh', 'en', 'az', 'ru']],
    ['sim', 'sim', ['physical', 'esim', 'travel_esim']],
    ['operator', 'op', ['azercell', 'bakcell', 'nar', 'airalo', 'holafly', 'other_esim', 'unsure']],
    ['pay', 'pay', ['cash', 'local_card', 'foreign_card', 'wallet', 'transfer']],
    ['online', 'online', ['1', '0']],
    ['inaz', 'inaz', ['1', '0']],
    ['plan', 'plan', ['prepaid', 'postpaid']],
    ['theme', 'theme', ['light', 'dark', 'auto']],
    ['accent', 'accent', /^#([0-9a-f]{3}|[0-9a-f]{6})$/i],
  ];

  // The frame's accessible name, in the widget's language.
  var TITLES = {
    zh: 'AzSIM：如何在阿塞拜疆续订手机流量',
    en: 'AzSIM: how to renew mobile data in Azerbaijan',
    az: 'AzSIM: Azərbaycanda mobil interneti necə yeniləmək',
    ru: 'AzSIM: как продлить мобильный интернет в Азербайджане',
  };

  var HEIGHT_MESSAGE = 'azsim:height';
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 20000;
  var INITIAL_HEIGHT = '600px';

  function allowed(rule, value) {
    return Array.isArray(rule) ? rule.indexOf(value) !== -1 : rule.test(value);
  }

  // The app's query for one <script>: embed=1 plus every valid data-* setting.
  function queryFor(script) {
    var query = new URLSearchParams({ embed: '1' });
    PARAMS.forEach(function (p) {
      var value = script.dataset[p[0]];
      if (typeof value === 'string') {
        value = value.trim();
        if (allowed(p[2], value)) query.set(p[1], value);
      }
    });
    return query;
  }

  // data-lang, else the host page's language if the app has it, else English.
  function titleFor(query) {
    var lang = query.get('lang') || (document.documentElement.lang || '').slice(0, 2).toLowerCase();
    return TITLES[lang] || TITLES.en;
  }

  function place(script, iframe) {
    // A <script> in <head> cannot hold a visible widget: use the end of <body>.
    if (!script.parentNode || script.closest('head')) {
      var append = function () {
        document.body.appendChild(iframe);
      };
      if (document.body) append();
      else document.addEventListener('DOMContentLoaded', append);
    } else {
      script.parentNode.insertBefore(iframe, script.nextSibling);
    }
  }

  function embed(script) {
    script.setAttribute(DONE, '');
    var base;
    try {
      base = new URL('./', script.src);
    } catch (err) {
      return;
    }
    var query = queryFor(script);

    var iframe = document.createElement('iframe');
    iframe.src = base.href + '?' + query.toString();
    iframe.title = titleFor(query);
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    iframe.className = 'azsim-embed';
    // element.style (not a style attribute): allowed under a strict host CSP.
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = INITIAL_HEIGHT;

    // Only this frame, showing the app's origin, may set its height.
    window.addEventListener('message', function (event) {
      if (event.origin !== base.origin || event.source !== iframe.contentWindow) return;
      var data = event.data;
      if (!data || typeof data !== 'object' || data.type !== HEIGHT_MESSAGE) return;
      var height = data.height;
      if (typeof height !== 'number' || !isFinite(height)) return;
      if (height < MIN_HEIGHT || height > MAX_HEIGHT) return;
      iframe.style.height = Math.ceil(height) + 'px';
    });

    place(script, iframe);
  }

  function isLoader(script) {
    try {
      return /embed\.js$/.test(new URL(script.src).pathname);
    } catch (err) {
      return false;
    }
  }

  // Normally document.currentScript is this tag. It is null when this code
  // does not run as a classic <script> of its own (a module, a bundler, a tag
  // manager): then handle every loader tag on the page not yet done.
  var own = document.currentScript;
  if (own && own.src) {
    if (!own.hasAttribute(DONE)) embed(own);
  } else {
    Array.prototype.forEach.call(document.querySelectorAll('script[src*="embed.js"]'), function (script) {
      if (!script.hasAttribute(DONE) && isLoader(script)) embed(script);
    });
  }
})();

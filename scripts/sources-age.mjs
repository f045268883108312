#!/usr/bin/env node
// Lists the catalog's sources by the age of their last check, oldest first, with how
// they were checked (live or a stored copy), the page's own date, and how many quotes
// in data/*.json cite each. A source checked more than a year ago is flagged, as the
// app flags the facts resting on it. Usage: node scripts/sources-age.mjs [YYYY-MM-DD]
// (the day to measure from; default today).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
const STALE_AFTER_DAYS = 365; // crates/domain/src/catalog.rs, STALE_AFTER_DAYS

/** Counts, per source id, the quotes that cite it anywhere under `value`. */
function countQuotes(value, counts) {
  if (Array.isArray(value)) value.forEach((v) => countQuotes(v, counts));
  else if (value && typeof value === 'object') {
    if (typeof value.source === 'string' && typeof value.quote === 'string') {
      counts.set(value.source, (counts.get(value.source) ?? 0) + 1);
    }
    Object.values(value).forEach((v) => countQuotes(v, counts));
  }
  return counts;
}

/** The report's rows, oldest check first. `today` is a Date at midnight UTC. */
export function report(sources, quotes, today) {
  const day = 86_400_000;
  return sources
    .map((s) => ({
      id: s.id,
      checked: s.checked,
      age: Math.floor((today - Date.parse(`${s.checked}T00:00:00Z`)) / day),
      how: s.how === 'live' ? 'live' : `stored copy${s.copy_date ? ` of ${s.copy_date}` : ''}`,
      published: s.published ?? '-',
      confidence: s.confidence,
      quotes: quotes.get(s.id) ?? 0,
    }))
    .sort((a, b) => b.age - a.age || a.id.localeCompare(b.id));
}

function main() {
  const arg = process.argv[2];
  const today = arg ? Date.parse(`${arg}T00:00:00Z`) : Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(today)) throw new Error(`not a date: ${arg}`);
  const sources = JSON.parse(readFileSync(path.join(DATA, 'sources.json'), 'utf8'));
  const quotes = new Map();
  for (const file of readdirSync(DATA).filter((f) => f.endsWith('.json') && f !== 'sources.json')) {
    countQuotes(JSON.parse(readFileSync(path.join(DATA, file), 'utf8')), quotes);
  }
  const rows = report(sources, quotes, today);
  const header = ['age (days)', 'checked', 'how', 'page date', 'confidence', 'quotes', 'source'];
  const lines = rows.map((r) => [
    `${r.age}${r.age > STALE_AFTER_DAYS ? ' STALE' : ''}`,
    r.checked,
    r.how,
    r.published,
    r.confidence,
    String(r.quotes),
    r.id,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(fmt(header));
  lines.forEach((l) => console.log(fmt(l)));
  const stale = rows.filter((r) => r.age > STALE_AFTER_DAYS).length;
  const unquoted = rows.filter((r) => r.quotes === 0).map((r) => r.id);
  console.log(`\n${rows.length} sources; ${stale} checked more than ${STALE_AFTER_DAYS} days ago; ` +
    `${rows.filter((r) => r.how === 'live').length} checked live`);
  if (unquoted.length) console.log(`not quoted anywhere: ${unquoted.join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

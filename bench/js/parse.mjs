// node parse.mjs FILE [runs]: parses FILE with eventsource-parser in 64 KiB chunks (UTF-8 decoded as a
// stream, as a browser would), prints MB/s and events/s of the best run.
import { createParser } from 'eventsource-parser';
import { readFileSync } from 'node:fs';

const version = JSON.parse(readFileSync(new URL('./node_modules/eventsource-parser/package.json', import.meta.url))).version;

const [file, runsText] = process.argv.slice(2);
const bytes = readFileSync(file);
const runs = Number(runsText ?? 5);
const chunk = 64 * 1024;
let best = Infinity;
let events = 0;
for (let run = 0; run < runs; ++run) {
  let count = 0;
  let length = 0;
  const parser = createParser({ onEvent(event) { ++count; length += event.data.length; } });
  const decoder = new TextDecoder('utf-8');
  const start = process.hrtime.bigint();
  for (let at = 0; at < bytes.length; at += chunk) {
    parser.feed(decoder.decode(bytes.subarray(at, at + chunk), { stream: true }));
  }
  parser.feed(decoder.decode());
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (length < 0) throw new Error('unreachable');
  best = Math.min(best, seconds);
  events = count;
}
const mb = bytes.length / 1e6;
console.log(`| eventsource-parser ${version} (node ${process.version}, 64 KiB chunks, TextDecoder stream) | ${(mb / best).toFixed(0)} | ${(events / best).toFixed(0)} |`);

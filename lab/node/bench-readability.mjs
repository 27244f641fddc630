// Readability.js (with jsdom) over a benchmark directory, single thread, warm: the Node peer of
// newsflow.lab.bench.BenchExtract (./newsflow bench-extract). Reads the pages the same way (ground truth lists them; html/<id>.html.gz or
// <id>/source.html, decoded as UTF-8 as the Java side does for readability4j), warms up, then measures whole
// passes for the given time and prints pages/s and heap.
//
// Usage: node bench-readability.mjs --pages DIR [--ground-truth FILE] [--warmup-seconds 5] [--seconds 15]
// The last line is machine-readable for scripts/bench-extract.sh: "RATE name=readability.js pages_per_s=<x>".
import { readFileSync, existsSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

function parseArgs(argv) {
  const opts = { warmupSeconds: 5, seconds: 15 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`option ${key} needs a value`);
    switch (key) {
      case "--pages": opts.pages = value; break;
      case "--ground-truth": opts.groundTruth = value; break;
      case "--warmup-seconds": opts.warmupSeconds = Number(value); break;
      case "--seconds": opts.seconds = Number(value); break;
      default: throw new Error(`unknown option ${key}`);
    }
    i++;
  }
  if (!opts.pages) throw new Error("--pages DIR is required");
  opts.groundTruth ??= join(opts.pages, "ground-truth.json");
  return opts;
}

// The same two layouts as newsflow.enrich.eval.BenchmarkPages, and the same address for Readability's test pages.
function loadPages(dir, groundTruthFile) {
  let truth = JSON.parse(readFileSync(groundTruthFile, "utf8"));
  if (truth && truth.version !== undefined && typeof truth.output === "object") truth = truth.output;
  const scrapinghub = existsSync(join(dir, "html")) && statSync(join(dir, "html")).isDirectory();
  const pages = [];
  for (const [id, record] of Object.entries(truth)) {
    let file;
    let url;
    if (scrapinghub) {
      file = join(dir, "html", `${id}.html.gz`);
      if (!existsSync(file)) file = join(dir, "html", `${id}.html`);
      url = record.url;
    } else {
      file = join(dir, id, "source.html");
      url = "http://fakehost/test/page.html";
    }
    if (!existsSync(file)) throw new Error(`--pages ${dir}: no page file for ground-truth id ${id} (${file})`);
    const raw = readFileSync(file);
    const bytes = file.endsWith(".gz") ? gunzipSync(raw) : raw;
    pages.push({ id, url, html: bytes.toString("utf8"), size: bytes.length });
  }
  if (pages.length === 0) throw new Error(`ground truth ${groundTruthFile} lists no pages`);
  return pages;
}

// Page scripts are not run and console noise from the pages' CSS is dropped, as a server-side extractor would.
const quietConsole = new VirtualConsole();

let sink = 0;
let failures = 0;

function extract(page) {
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: quietConsole });
  try {
    const article = new Readability(dom.window.document).parse();
    return article && article.textContent ? article.textContent.length : 0;
  } finally {
    dom.window.close();
  }
}

// Whole passes over the pages until the time is used up (at least one pass).
function runFor(pages, seconds, measure) {
  const budget = BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let done = 0;
  do {
    for (const page of pages) {
      try {
        sink += extract(page);
      } catch (e) {
        if (measure) failures++;
      }
      done++;
    }
  } while (process.hrtime.bigint() - start < budget);
  return { done, nanos: Number(process.hrtime.bigint() - start) };
}

const opts = parseArgs(process.argv.slice(2));
const pages = loadPages(opts.pages, opts.groundTruth);
const mib = pages.reduce((n, p) => n + p.size, 0) / 1048576;
console.log(`${pages.length} pages, ${mib.toFixed(1)} MiB of HTML; Node ${process.version}, ` +
  `@mozilla/readability ${JSON.parse(readFileSync(new URL("./node_modules/@mozilla/readability/package.json", import.meta.url))).version}, ` +
  `jsdom ${JSON.parse(readFileSync(new URL("./node_modules/jsdom/package.json", import.meta.url))).version}; single thread`);
runFor(pages, opts.warmupSeconds, false);
const { done, nanos } = runFor(pages, opts.seconds, true);
const rate = done / (nanos / 1e9);
if (global.gc) global.gc();
console.log(`readability.js: ${rate.toFixed(1)} pages/s over ${done} pages, ${failures} failures; ` +
  `heap in use at the end: ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MiB (sink ${sink & 1})`);
console.log(`RATE name=readability.js pages_per_s=${rate.toFixed(3)}`);

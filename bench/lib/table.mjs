// Renders bench results as one plain-text table: metric, stagelint, the comparison, their ratio, the goal.
const fmt = (v, unit = '') => (v === undefined || v === null || Number.isNaN(v) ? '—' : `${typeof v === 'number' ? Number(v.toFixed(1)) : v}${unit}`);

function rows(results) {
  const out = [];
  const s = results.sections;
  const t = s.throughput;
  if (t) {
    const lint = t.msPerCorpus['stagelint lint (all rules)'];
    const validate = t.msPerCorpus['dockerfile-utils validate'];
    const parse = t.msPerCorpus['dockerfile-ast parse'];
    out.push({ title: `Throughput — corpus: ${t.files} files, ${Math.round(t.bytes / 1024)} KB; median CPU time of ${t.rounds} interleaved rounds after ${t.warmup} warm-up rounds` });
    out.push(['  lint vs dockerfile-utils validate', fmt(lint, ' ms'), fmt(validate, ' ms'), fmt(t.ratios.lintVsValidate, '×'), '≤ 1.0×', t.goals['lint <= 1.0x validate']]);
    out.push(['  lint vs dockerfile-ast parse', fmt(lint, ' ms'), fmt(parse, ' ms'), fmt(t.ratios.lintVsParse, '×'), '≤ 1.5×', t.goals['lint <= 1.5x parse']]);
    out.push(['  CPU ms per corpus (wall ms)', `${fmt(lint)} (${fmt(t.wallMsPerCorpus['stagelint lint (all rules)'])})`, `${fmt(validate)} (${fmt(t.wallMsPerCorpus['dockerfile-utils validate'])})`]);
    out.push(['  files per second', fmt(t.filesPerSecond['stagelint lint (all rules)']), fmt(t.filesPerSecond['dockerfile-utils validate'])]);
  }
  const l = s.latency;
  if (l) {
    out.push({ title: `Editor latency — ${l.stagelint.lines}-line file, ${l.stagelint.sessions} sessions of ${l.stagelint.edits} one-character edits, pooled; vs dockerfile-language-server-nodejs` });
    out.push(['  didChange → diagnostics, median', fmt(l.stagelint.ms.median, ' ms'), fmt(l.peer.ms.median, ' ms'), fmt(l.ratios.medianVsPeer, '×')]);
    out.push(['  didChange → diagnostics, p95', fmt(l.stagelint.ms.p95, ' ms'), fmt(l.peer.ms.p95, ' ms'), fmt(l.ratios.p95VsPeer, '×'), '< 30 ms, ≤ 0.5×', l.goals['p95 < 30 ms'] && l.goals['p95 <= 0.5x peer']]);
    out.push(['  p95 of each session', l.stagelint.p95BySession.map((v) => fmt(v)).join(' / ') + ' ms', l.peer.p95BySession.map((v) => fmt(v)).join(' / ') + ' ms']);
    out.push(['  didOpen → diagnostics', fmt(l.stagelint.openMs, ' ms'), fmt(l.peer.openMs, ' ms')]);
  }
  const c = s.coldStart;
  if (c) {
    out.push({ title: `Cold start — process start → …, median of ${c.stagelint.runs} runs; vs dockerfile-language-server-nodejs` });
    out.push(['  initialize answered', fmt(c.stagelint.initializeMs, ' ms'), fmt(c.peer.initializeMs, ' ms')]);
    out.push(['  first diagnostics', fmt(c.stagelint.firstDiagnosticsMs, ' ms'), fmt(c.peer.firstDiagnosticsMs, ' ms'), '', '< 300 ms', c.goals['first diagnostics < 300 ms']]);
  }
  const m = s.memory;
  if (m) {
    out.push({ title: `Memory — ${m.documents} open documents, ${m.edits} edits (${m.documentsClosedDuringEdits} closed and replaced); vs dockerfile-language-server-nodejs with the same documents open` });
    const p = m.peer ?? {};
    const ratio = (ours, theirs) => (theirs ? fmt(ours / theirs, '×') : '');
    out.push(['  RSS at start', fmt(m.started.rssMB, ' MB'), fmt(p.rssAtStartMB, ' MB'), ratio(m.started.rssMB, p.rssAtStartMB)]);
    out.push([`  RSS with ${m.documents} documents`, fmt(m.opened.rssMB, ' MB'), fmt(p.rssMB, ' MB'), ratio(m.opened.rssMB, p.rssMB), '< 100 MB', m.opened.rssMB < 100]);
    out.push([`  RSS after ${m.edits} edits (peak)`, `${fmt(m.edited.rssMB, ' MB')} (${fmt(m.edited.peakRssMB, ' MB')})`, '', '', '< 100 MB', m.edited.rssMB < 100]);
    // The server collects garbage once it has been idle (server/src/lsp/idleCollection.ts).
    const rest = [m.opened, m.edited, m.allClosed].map((s) => fmt(s.rssAtRestMB, ' MB')).join(', ');
    out.push(['  RSS at rest: opened, edited, all closed', rest, p.rssAtRestMB ? `opened ${fmt(p.rssAtRestMB, ' MB')}` : '', ratio(m.opened.rssAtRestMB, p.rssAtRestMB), '< 100 MB', m.goals['RSS at rest with 500 documents < 100 MB']]);
    out.push(['  heap after GC: opened → edited', `${fmt(m.opened.heapUsedAfterGcMB, ' MB')} → ${fmt(m.edited.heapUsedAfterGcMB, ' MB')}`, '', '', 'no growth', m.goals['no heap growth across edits']]);
    out.push(['  heap after GC: warm → all closed', `${fmt(m.warmedUp.heapUsedAfterGcMB, ' MB')} → ${fmt(m.allClosed.heapUsedAfterGcMB, ' MB')}`, '', '', 'models freed', m.goals['closing frees the models']]);
    out.push([`  heap committed with ${m.documents} documents`, fmt(m.opened.heapTotalMB, ' MB')]);
    // Part of the heap figures above: compiled code grows while more functions get optimised (not kept data). The
    // code space is only part of what the data rows subtract (all code and bytecode with their metadata).
    out.push(['  of which code space: warm, opened, edited, closed', [m.warmedUp, m.opened, m.edited, m.allClosed].map((s) => fmt(s.codeSpaceAfterGcMB, ' MB')).join(', ')]);
    out.push(['  data (heap less code): opened → edited', `${fmt(m.opened.dataAfterGcMB, ' MB')} → ${fmt(m.edited.dataAfterGcMB, ' MB')}`, '', '', 'no growth', m.goals['no data growth across edits']]);
    if (m.editedAgain) out.push([`  data after ${m.edits} more edits`, fmt(m.editedAgain.dataAfterGcMB, ' MB'), '', '', '≤ +2%', m.goals['no data growth across a second round of edits']]);
    out.push(['  data (heap less code): warm → closed', `${fmt(m.warmedUp.dataAfterGcMB, ' MB')} → ${fmt(m.allClosed.dataAfterGcMB, ' MB')}`, '', '', 'data freed', m.goals['closing frees the data']]);
    const spaces = (s) => [s.heapSpacesMB.new, s.heapSpacesMB.old, s.heapSpacesMB.code].map((v) => fmt(v)).join('/');
    out.push(['  RSS in heap new/old/code: opened, edited', `${spaces(m.opened)} MB, ${spaces(m.edited)} MB`]);
  }
  const z = s.size;
  if (z) {
    out.push({ title: 'Size — production build' });
    out.push(['  .vsix', fmt(z.vsixKB, ' KB'), '', '', '< 1 MB', z.goals['.vsix < 1 MB']]);
    out.push(['  dist/client.js (gzip)', `${fmt(z.productionBundles['client.js'].KB, ' KB')} (${fmt(z.productionBundles['client.js'].gzipKB, ' KB')})`]);
    out.push(['  client.js require() time', fmt(z.clientLoadMs, ' ms'), '', '', '< 50 ms', z.goals['client.js loads in < 50 ms']]);
    out.push(['  dist/server.js (gzip)', `${fmt(z.productionBundles['server.js'].KB, ' KB')} (${fmt(z.productionBundles['server.js'].gzipKB, ' KB')})`]);
  }
  return out;
}

export function printTable(results) {
  const m = results.machine;
  console.log(`\nstagelint benchmarks — ${results.date} — commit ${results.commit}`);
  console.log(`machine: ${m.cpu}, ${m.nproc} cores, ${m.memoryGiB} GiB, Node ${m.node}, load average at start ${m.loadAverageAtStart.join(' ')}\n`);
  const header = ['metric', 'stagelint', 'compared with', 'ratio', 'goal', 'met'];
  const body = rows(results).map((r) => (Array.isArray(r) ? r.map((c, i) => (i === 5 ? (c === true ? 'yes' : c === false ? 'NO' : '') : String(c ?? ''))) : r));
  const widths = header.map((h, i) => Math.max(h.length, ...body.filter(Array.isArray).map((r) => String(r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of body) console.log(Array.isArray(r) ? line(r) : r.title);
}

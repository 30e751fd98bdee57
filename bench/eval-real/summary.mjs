// The readable summary of `npm run eval:real`: one table per mode (projects and total), then the
// categories that drive the work: tsc errors, differential mismatches, untranslated constructs.

const pct = (n, d) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ")).join("\n");
}

function top(obj, n = 10, pad = "  ") {
  const entries = Object.entries(obj ?? {});
  const lines = entries.slice(0, n).map(([k, v]) => `${pad}${String(typeof v === "object" ? v.count : v).padStart(5)}  ${k}`);
  if (entries.length > n) lines.push(`${pad}  ... ${entries.length - n} more`);
  return lines.length ? lines.join("\n") : `${pad}(none)`;
}

export function printSummary(results) {
  console.log(`dumpling convert on real code — ${results.date.slice(0, 10)}, commit ${results.commit.slice(0, 12)}, node ${results.node}, python ${results.python}`);
  console.log(results.projects.map((p) => `${p.name} ${p.version}`).join(", "));
  for (const [mode, m] of Object.entries(results.modes)) {
    const header = ["project", "py files", "files w/ calls", "calls", "fully translated", "calls w/ markers", "markers", "notes", "tsc errors", "sampled", "identical", "marker err", "mismatch", ...(mode === "native" ? ["noted diff"] : []), "not run", "not sampled"];
    const row = (name, s) => [
      name, s.pythonFiles, s.filesWithCalls, s.calls, `${s.fullyTranslated} (${pct(s.fullyTranslated, s.calls)})`, `${s.callsWithMarkers} (${pct(s.callsWithMarkers, s.calls)})`, s.markers, s.notes,
      s.tsc.errors, s.differential.sampled, s.differential.identical, s.differential.marker, s.differential.mismatch,
      ...(mode === "native" ? [s.differential.explained] : []), s.differential["not-run"], Object.values(s.differential.notSampled).reduce((a, b) => a + b, 0),
    ];
    console.log(`\n## ${mode} mode (markers counted as ${m.markerStyle})\n`);
    console.log(table([header, ...Object.entries(m.projects).map(([n, s]) => row(n, s)), row("total", m.total)]));
    const t = m.total;
    console.log(`\ncalls to review (certain differences or markers): ${t.callsToReview}; native split (certain / possible / none / unspecified): ${["certain", "possible", "none", "unspecified"].map((k) => t.callsByNativeSplit[k] ?? 0).join(" / ")}`);
    console.log(`python raised on every input of ${t.differential.pythonRaisedOnEveryRun} sampled calls`);
    console.log(`\nnotes by kind:\n${top(t.notesByKind, 30)}\nnotes by certainty:\n${top(t.notesByCertainty)}`);
    console.log(`\ntsc errors by code:\n${top(t.tsc.byCode)}\ntsc errors by pattern:\n${top(t.tsc.byPattern, 15)}`);
    console.log(`\nmismatches by pattern:\n${top(m.mismatchesByPattern, 15)}`);
    console.log(`\nnot sampled, by reason:\n${top(t.differential.notSampled, 15)}`);
    console.log(`\nuntranslated constructs (the Python inside markers):\n${top(m.untranslatedConstructs, 15)}`);
  }
}

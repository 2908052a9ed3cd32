/// The HTML report's template (mustache; `{{x}}` escapes, and no triple mustache is used anywhere).
enum HTMLTemplate {
    static let page = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>nextline — {{caseId}}</title>
<style>
:root { --ink:#1b1f24; --muted:#57606a; --line:#d0d7de; --res:#b42318; --red:#b54708; --ret:#6941c6; --sen:#067647; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 1.2rem; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin: 1.6rem 0 .6rem; }
h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
.sub { color: var(--muted); margin: 0 0 .6rem; }
.notice { border: 1px solid var(--line); background: #f6f8fa; padding: .5rem .8rem; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; hyphens: auto; }
th { background: #f6f8fa; font-weight: 600; }
.timeline { display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; list-style: none; }
.timeline li { border: 1px solid var(--line); border-left: 5px solid var(--muted); padding: .3rem .6rem; border-radius: 4px; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: .6rem; }
.headline section { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
.headline h3 { margin-top: 0; }
.headline ul { margin: 0; padding-left: 1.1rem; }
.badge { display: inline-block; font-weight: 700; padding: .1rem .45rem; border-radius: 4px; border: 2px solid currentColor; white-space: nowrap; }
.resistance { color: var(--res); } .reduced { color: var(--red); } .retest { color: var(--ret); } .sensitivity { color: var(--sen); } .none { color: var(--muted); }
.tags { color: var(--muted); font-size: .88rem; }
.because { margin: .2rem 0 0; padding-left: 1.1rem; font-size: .92rem; }
details { margin: .25rem 0; }
summary { cursor: pointer; font-size: .92rem; }
.rule { border-left: 3px solid var(--line); padding: .2rem .6rem; margin: .4rem 0; font-size: .9rem; }
.conditions { margin: .2rem 0; padding-left: 1.1rem; }
.evidence { border-left: 3px solid var(--line); padding: 0 .6rem; margin: .5rem 0; font-size: .9rem; }
.evidence p { margin: .2rem 0; }
.met { color: var(--sen); font-weight: 600; } .unmet { color: var(--muted); font-weight: 600; } .untested { color: var(--ret); font-weight: 700; }
.small { font-size: .85rem; color: var(--muted); }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; word-break: break-all; overflow-wrap: anywhere; }
svg { max-width: 100%; height: auto; }
.wide { overflow-x: auto; }
svg text { font: 10px system-ui, sans-serif; fill: var(--ink); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: .8rem; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .4rem; }
figcaption { font-size: .85rem; font-weight: 600; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  details > summary { list-style: none; }
  h2, h3 { break-after: avoid; } figure, .rule, .evidence { break-inside: avoid; }
  .evidence, .rule { font-size: 9pt; }
  .charts { grid-template-columns: repeat(3, 1fr); }
  .legend th, .legend td { padding: .15rem .4rem; font-size: 9pt; }
  .headline { grid-template-columns: repeat(4, 1fr); }
  a { color: inherit; text-decoration: none; }
}
@page { size: auto; margin: 12mm; }
</style>
</head>
<body>
<header>
<h1>Next-line report — case {{caseId}}</h1>
<p class="sub">{{tumorType}} · {{genomeBuild}} · latest progression sample: {{latestSample}} · nextline {{toolVersion}}, catalogue {{catalogueVersion}}</p>
<p class="notice" role="note"><strong>Notice.</strong> {{notice}}</p>
<h2>Therapy lines</h2>
<ol class="timeline">
{{#lines}}<li><strong>Line {{number}}</strong>: {{therapy}}{{#dates}}<br><span class="small">{{dates}}</span>{{/dates}}{{#response}}<br><span class="small">best response: {{response}}</span>{{/response}}</li>
{{/lines}}{{^lines}}<li>no prior therapy line given</li>{{/lines}}
</ol>
<table>
<thead><tr><th>Sample</th><th>Role</th><th>Kind</th><th>Collected</th><th>Tumour fraction</th></tr></thead>
<tbody>
{{#samples}}<tr><td>{{id}}</td><td>{{role}}</td><td>{{kind}}</td><td>{{collected}}{{^collected}}–{{/collected}}</td><td>{{tumorFraction}}{{^tumorFraction}}unknown{{/tumorFraction}}</td></tr>
{{/samples}}
</tbody>
</table>
{{#hasBiomarkers}}<h3>Biomarker results given</h3>{{/hasBiomarkers}}
{{#biomarkers}}<p class="small">{{name}}: {{value}}</p>
{{/biomarkers}}
</header>

<main>
<h2>Headline</h2>
<div class="headline">
<section><h3>Acquired under treatment</h3><ul>{{#acquired}}<li>{{.}}</li>{{/acquired}}{{^acquired}}<li>none shown</li>{{/acquired}}</ul>
{{#hasLost}}<h3>Lost since baseline</h3>{{/hasLost}}<ul>{{#lost}}<li>{{.}}</li>{{/lost}}</ul></section>
<section><h3 class="resistance">Avoid (resistance)</h3><ul>{{#avoid}}<li>{{.}}</li>{{/avoid}}{{^avoid}}<li>no resistance verdict</li>{{/avoid}}</ul>
{{#hasReduced}}<h3 class="reduced">Expect less benefit</h3><ul>{{#reduced}}<li>{{.}}</li>{{/reduced}}</ul>{{/hasReduced}}</section>
<section><h3 class="sensitivity">Consider</h3><ul>{{#consider}}<li>{{.}}</li>{{/consider}}{{^consider}}<li>no sensitivity verdict</li>{{/consider}}</ul></section>
<section><h3 class="retest">Re-test before deciding</h3><ul>{{#retest}}<li>{{.}}</li>{{/retest}}{{^retest}}<li>nothing to re-test</li>{{/retest}}</ul></section>
</div>

<h2>Verdicts per candidate therapy</h2>
<table class="verdicts">
<thead><tr><th style="width:17%">Therapy</th><th style="width:15%">Verdict</th><th>Why, and the rules behind it</th></tr></thead>
<tbody>
{{#verdicts}}<tr>
<td><strong>{{therapy}}</strong><br><span class="small">{{kind}}</span></td>
<td><span class="badge {{tone}}">{{label}}</span>{{#tagText}}<br><span class="tags">{{tagText}}</span>{{/tagText}}</td>
<td>
<ul class="because">{{#because}}<li>{{.}}</li>{{/because}}</ul>
{{#hasUntested}}<p class="small"><span class="untested">NOT TESTED</span> (the verdict may change):</p><ul class="because">{{#untested}}<li>{{.}}</li>{{/untested}}</ul>{{/hasUntested}}
{{#foldedClasses}}<p class="small">{{foldedClasses}}</p>{{/foldedClasses}}
{{#classDiffers}}<p class="small"><strong>Note:</strong> {{classDiffers}}</p>{{/classDiffers}}
{{#originNotes}}<p class="small"><strong>Origin:</strong> {{.}}</p>{{/originNotes}}
{{#conflicting}}<p class="small">Conflicting (other mechanisms): {{conflicting}}</p>{{/conflicting}}
{{#overridden}}<p class="small">Overridden: {{overridden}}</p>{{/overridden}}
{{#signals}}<p class="small">Preclinical signals, not netted against the verdict: {{signals}}</p>{{/signals}}
{{#rules}}<div class="rule"><strong>{{effect}}</strong> — {{title}} <span class="tags">({{level}}{{#tentative}}, tentative{{/tentative}}; <a href="#rule-{{id}}">evidence</a>)</span>
<ul class="conditions">{{#conditions}}<li><span class="{{statusClass}}">{{status}}</span> {{biomarker}} <span class="small">[{{role}}]</span>{{#evidence}} — {{evidence}}{{/evidence}}{{#settledBy}}<br><span class="small">settle with: {{settledBy}}</span>{{/settledBy}}</li>{{/conditions}}{{^conditions}}<li class="small">no biomarker condition (therapy history only)</li>{{/conditions}}</ul>
{{#originNote}}<p class="small">Origin: {{originNote}}</p>{{/originNote}}
</div>
{{/rules}}
</td></tr>
{{/verdicts}}{{^verdicts}}<tr><td colspan="3">No candidate therapy to assess.</td></tr>{{/verdicts}}
</tbody>
</table>
{{#hasRecommendations}}<h3>Recommendations</h3>{{/hasRecommendations}}
<ul>{{#recommendations}}<li>{{.}}</li>{{/recommendations}}</ul>

<h2>Legend</h2>
<table class="legend"><tbody>{{#legend}}<tr><th>{{name}}</th><td>{{value}}</td></tr>{{/legend}}</tbody></table>

<h2>Findings</h2>
<p class="small">VAF and depth at {{latestSample}}; the last column follows each alteration through the samples.</p>
<div class="wide"><table>
<thead><tr><th>Alteration</th><th>HGVS c. / transcript</th><th>VAF</th><th>Depth</th><th>Origin</th><th>Class</th><th>Over time</th></tr></thead>
<tbody>
{{#findings}}<tr><td><strong>{{label}}</strong>{{#flags}}<br><span class="small">flags: {{flags}}</span>{{/flags}}{{#note}}<br><span class="small">{{note}}</span>{{/note}}</td><td class="mono">{{hgvsc}}<br>{{transcript}}</td><td>{{vaf}}</td><td>{{depth}}</td><td>{{origin}}</td><td>{{classification}}</td><td class="small">{{#series}}{{sample}}: {{value}}<br>{{/series}}</td></tr>
{{/findings}}{{^findings}}<tr><td colspan="7">No alteration in the watched genes was used for verdicts.</td></tr>{{/findings}}
</tbody>
</table></div>
{{#hasUncertainFindings}}<h3>Variants of uncertain significance (listed; they trigger no class rule)</h3>
<div class="wide"><table><thead><tr><th>Alteration</th><th>HGVS c. / transcript</th><th>VAF</th><th>Depth</th><th>Origin</th><th>Over time</th></tr></thead><tbody>{{/hasUncertainFindings}}
{{#uncertainFindings}}<tr><td>{{label}}{{#flags}}<br><span class="small">flags: {{flags}}</span>{{/flags}}</td><td class="mono">{{hgvsc}}<br>{{transcript}}</td><td>{{vaf}}</td><td>{{depth}}</td><td>{{origin}}</td><td class="small">{{#series}}{{sample}}: {{value}}<br>{{/series}}</td></tr>
{{/uncertainFindings}}{{#hasUncertainFindings}}</tbody></table></div>{{/hasUncertainFindings}}
{{#hasSetAsideFindings}}<h3>Set aside — not used for verdicts</h3>
<table><thead><tr><th>Alteration</th><th>VAF</th><th>Depth</th><th>Origin</th><th>Why set aside</th></tr></thead><tbody>{{/hasSetAsideFindings}}
{{#setAsideFindings}}<tr><td>{{label}}{{#flags}}<br><span class="small">flags: {{flags}}</span>{{/flags}}</td><td>{{vaf}}</td><td>{{depth}}</td><td>{{origin}}</td><td>{{reason}}</td></tr>
{{/setAsideFindings}}{{#hasSetAsideFindings}}</tbody></table>{{/hasSetAsideFindings}}

<h3>VAF over time</h3>
<p class="small">Solid line and dots: VAF of the alteration (open dot: not detected). Dashed line: tumour fraction. Shaded bands: therapy lines.</p>
<div class="charts">
{{#findings}}{{#chart}}<figure>
<figcaption>{{title}}</figcaption>
<svg viewBox="0 0 420 150" width="420" height="150" role="img" aria-label="{{title}}">
{{#bands}}<rect x="{{x}}" y="14" width="{{width}}" height="102" fill="#eef2f6" stroke="#d0d7de"/><text x="{{labelX}}" y="24">{{label}}</text>
{{/bands}}<line x1="44" y1="116" x2="384" y2="116" stroke="#57606a"/><line x1="44" y1="14" x2="44" y2="116" stroke="#57606a"/>
{{#yTicks}}<text x="{{x}}" y="{{y}}" text-anchor="end">{{label}}</text>
{{/yTicks}}{{#xTicks}}<text x="{{x}}" y="{{y}}" text-anchor="middle">{{label}}</text>
{{/xTicks}}{{#tumorFractionLine}}<polyline points="{{tumorFractionLine}}" fill="none" stroke="#57606a" stroke-dasharray="4 3"/>
{{/tumorFractionLine}}<polyline points="{{vafLine}}" fill="none" stroke="#1f6feb" stroke-width="2"/>
{{#points}}<circle cx="{{x}}" cy="{{y}}" r="4" fill="{{#detected}}#1f6feb{{/detected}}{{^detected}}#ffffff{{/detected}}" stroke="#1f6feb" stroke-width="2"><title>{{label}}</title></circle>
{{/points}}</svg>
</figure>
{{/chart}}{{/findings}}
</div>

<h2>Evidence behind the rules</h2>
{{#evidence}}<section class="evidence" id="rule-{{id}}"><h3>{{title}}</h3>
<p class="small"><span class="mono">{{id}}</span> · {{effect}} · {{level}}{{#tentative}}, tentative{{/tentative}} · {{studyTypes}}</p>
<p>{{mechanism}}</p>
<p class="small">References: {{#references}}{{#url}}<a href="{{url}}"{{#title}} title="{{title}}"{{/title}}>{{label}}</a>{{/url}}{{^url}}{{label}}{{/url}}{{#citation}} ({{citation}}){{/citation}}; {{/references}}</p>
</section>
{{/evidence}}

{{#hasNotAssessable}}<h2>Not assessable</h2>
<p class="small">Records in watched genes that could not be placed: they were not interpreted, and nothing is said about them.</p>{{/hasNotAssessable}}
<ul>{{#notAssessable}}<li class="small">{{.}}</li>{{/notAssessable}}</ul>
{{#hasWarnings}}<h2>Warnings and inconclusive negatives</h2>{{/hasWarnings}}
<ul>{{#warnings}}<li class="small">{{.}}</li>{{/warnings}}</ul>
</main>

<footer>
<h2>Provenance</h2>
<table><tbody>
{{#provenance}}<tr><th>{{name}}</th><td class="mono">{{value}}</td></tr>
{{/provenance}}{{#inputs}}<tr><th>input {{name}}</th><td class="mono">{{value}}</td></tr>
{{/inputs}}{{#tumorFractions}}<tr><th>tumour fraction {{name}}</th><td>{{value}}</td></tr>
{{/tumorFractions}}{{#settings}}<tr><th>{{name}}</th><td>{{value}}</td></tr>
{{/settings}}
</tbody></table>
<p class="notice">{{notice}}</p>
</footer>
</body>
</html>
"""#
}

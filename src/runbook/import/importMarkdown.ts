/**
 * A markdown debug plan → a runbook in the built-in schema. Headings become groups and steps,
 * checklists and numbered command lists become steps, shell blocks become commands (kept exactly as
 * written), **Expected** / `Look for:` / `If …:` lines and expected-output blocks become what the
 * command is judged by, `go` blocks are shown with their step, an ASCII decision tree becomes the
 * runbook's tree. Every line ends up in some step's, group's or section's text; the report says
 * what became what and lists what was not understood.
 */
import { performance } from 'node:perf_hooks';
import { validateRunbook } from '../load';
import type { Cause, Check, DecisionNode, Placeholder, Runbook, RunbookInput } from '../schema';
import { looksLikeAsciiTree, parseAsciiTree, type AsciiTreeNode } from './asciiTree';
import { expectationRules, readExpectation, unquote, type Expectation } from './expectations';
import type { ImportEntry, ImportEntryKind, ImportReport } from './importReport';
import { markdownBlocks, MarkdownInputError, plainText, slug, type Block } from './markdownBlocks';
import { repairMojibake } from './mojibake';
import { detectPlaceholders, runnerAppOf } from './placeholders';

export class NothingToImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToImportError';
  }
}

export interface ImportResult {
  runbook: Runbook;
  report: ImportReport;
}

export interface ImportOptions {
  /** Shown in the report and kept as the runbook's `source`. */
  source?: string;
  /** Import gives up (with an error) after this long. Default 5000 ms. */
  timeLimitMs?: number;
}

const SHELLS: Record<string, 'bash' | 'sh' | 'zsh'> = { bash: 'bash', sh: 'sh', shell: 'bash', zsh: 'zsh', console: 'bash', 'shell-session': 'bash' };
const OUTPUT_LANGS = new Set(['', 'text', 'txt', 'output', 'plaintext', 'log']);
const ESTIMATE = /(\d+(?:\.\d+)?(?:\s*[-–]\s*\d+)?\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?))\b/i;
const STEP_NUMBER = /^(?:step\s+)?(\d+(?:\.\d+)*)(?:-([A-Za-z][A-Za-z0-9]*))?(?:\s*[:.)–—-]\s*|\s+)(.*)$/i;
const BOLD_LABEL = /^\*\*([A-Z][A-Za-z]{1,20})\s+([A-Z0-9]{1,3})\s*:\s*(.+?)\*\*\s*$/;
const MUTATING = /\b(?:flyctl|fly)\s+(?:secrets\s+(?:set|unset|import)|apps\s+(?:restart|destroy)|deploy\b|scale\b|machines?\s+(?:stop|restart|destroy|kill|update))|\bkubectl\s+(?:delete|apply|scale|rollout\s+restart)\b|\brm\s+-[rf]|\b(?:DROP|DELETE\s+FROM|UPDATE\s+\w+\s+SET|TRUNCATE|ALTER\s+TABLE|INSERT\s+INTO)\b|\bgit\s+push\b|\bsystemctl\s+(?:restart|stop)\b/;
const GO_ANCHORS: [RegExp, string][] = [
  [/func\s*\([^)]*JobRunner\)\s*executeQuestion\s*\(/, 'executeQuestion'],
  [/func\s*\([^)]*HybridExecutor\)\s*Execute\s*\(/, 'hybridExecute'],
  [/func\s*\([^)]*Client\)\s*RunInference\s*\(/, 'runInference'],
  [/SetHybridClient\s*\(/, 'setHybridClient'],
  [/\bexecutor\.Execute\s*\(/, 'executorCall'],
];

type Section = { heading?: Extract<Block, { kind: 'heading' }>; blocks: Block[]; line: number; endLine: number };

/** Imports a markdown plan. Throws `MarkdownInputError` (not a plan) or `NothingToImportError`. */
export function importMarkdownRunbook(input: string, opts: ImportOptions = {}): ImportResult {
  const started = performance.now();
  const limit = opts.timeLimitMs ?? 5000;
  const source = opts.source ?? '<markdown>';
  const repair = repairMojibake(input);
  const text = repair.text.replace(/\r\n?/g, '\n');
  const blocks = markdownBlocks(text);
  const imp = new Importer(text.split('\n'), () => {
    if (performance.now() - started > limit) throw new MarkdownInputError(`the import took longer than ${limit} ms and was stopped`);
  });
  const raw = imp.build(blocks, source);
  if (imp.stepCount === 0) {
    throw new NothingToImportError(`${source}: nothing to import — no headings with steps, checklists or command blocks were found`);
  }
  const runbook = validateRunbook(raw, source);
  const entries = imp.entries.sort((a, b) => a.line - b.line);
  const report: ImportReport = {
    source,
    ...(repair.encoding ? { repaired: { encoding: repair.encoding === 'mac-roman' ? 'Mac Roman' : 'Windows-1252', characters: repair.repaired } } : {}),
    entries,
    counts: {
      groups: (runbook.quickWins.steps.length ? 1 : 0) + runbook.phases.length,
      steps: imp.stepCount,
      commands: entries.filter((e) => e.kind === 'command').length,
      expectations: entries.filter((e) => e.kind === 'expectation').length,
      manualExpectations: entries.filter((e) => e.kind === 'expectation' && e.detail.startsWith('judged by hand')).length,
      code: entries.filter((e) => e.kind === 'code').length,
      treeNodes: imp.treeNodes,
      notUnderstood: entries.filter((e) => e.kind === 'not-understood').length,
      review: entries.filter((e) => e.kind === 'placeholder' && e.detail.includes('REVIEW')).length,
    },
    durationMs: performance.now() - started,
  };
  if (repair.encoding) {
    entries.unshift({ line: 1, kind: 'note', into: 'runbook', detail: `text repaired: UTF-8 read as ${report.repaired!.encoding} (${repair.repaired} characters)` });
  }
  return { runbook, report };
}

type StepInput = RunbookInput['phases'][number]['steps'][number];
type CheckInput = Omit<Check, 'extract' | 'derive' | 'rules' | 'requires'> & Partial<Check>;

class Importer {
  readonly entries: ImportEntry[] = [];
  stepCount = 0;
  treeNodes = 0;
  private readonly ids = new Set<string>();
  private runnerApp: string | undefined;

  constructor(private readonly lines: readonly string[], private readonly tick: () => void) {}

  private note(line: number, kind: ImportEntryKind, into: string, detail: string) {
    this.entries.push({ line, kind, into, detail });
  }

  private textOf(from: number, to: number): string {
    return this.lines.slice(from - 1, to).join('\n').trim();
  }

  private uniqueId(wanted: string): string {
    let id = wanted.replace(/^[^a-z0-9]+/i, '') || 'step';
    if (this.ids.has(id)) {
      let n = 2;
      while (this.ids.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    this.ids.add(id);
    return id;
  }

  build(blocks: Block[], source: string): RunbookInput {
    const scripts = blocks.filter((b): b is Extract<Block, { kind: 'fence' }> => b.kind === 'fence' && b.lang in SHELLS).map((b) => b.body.join('\n'));
    this.runnerApp = runnerAppOf(scripts);
    const headings = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
    const h1s = headings.filter((h) => h.level === 1);
    const titleHeading = h1s.length === 1 && headings[0] === h1s[0] ? h1s[0] : undefined;
    const groupLevel = Math.min(...headings.filter((h) => h !== titleHeading).map((h) => h.level), 6);
    const title = titleHeading ? plainText(titleHeading.text) : 'Imported runbook';

    const top = splitSections(blocks, groupLevel, this.lines.length);
    const rb: RunbookInput = {
      schemaVersion: 1,
      id: slug(title),
      title,
      source,
      keyInsight: { title: '', text: '' },
      quickWins: { title: 'Quick Win Checklist', text: '', steps: [] },
      phases: [],
      sections: [],
      causes: [],
      successCriteria: [],
      nextSteps: [],
    };
    let keyInsightSet = false;
    for (const sec of top) {
      this.tick();
      if (!sec.heading) {
        const body = this.textOf(sec.line, sec.endLine);
        if (body) {
          rb.sections!.push({ title: 'Introduction', text: body, sourceLine: sec.line });
          this.note(sec.line, 'section', 'introduction', `lines ${sec.line}–${sec.endLine} kept as the introduction's text`);
        }
        continue;
      }
      const name = plainText(sec.heading.text);
      const body = this.textOf(sec.heading.line + 1, sec.endLine);
      if (/quick\s*win|checklist/i.test(name) && rb.quickWins.steps.length === 0) {
        this.quickWins(sec, rb, name);
      } else if (/^(?:phase|stage|part)\s+\d+/i.test(name) || hasStepHeadings(sec, groupLevel)) {
        this.group(sec, rb, name, groupLevel);
      } else if (/key\s+insight|summary|tl;?dr|overview/i.test(name) && !keyInsightSet) {
        rb.keyInsight = { title: name, text: body };
        keyInsightSet = true;
        this.note(sec.heading.line, 'section', 'keyInsight', `"${name}" → the key insight`);
      } else if (sec.blocks.some((b) => b.kind === 'fence' && looksLikeAsciiTree(b.body)) && !rb.decisionTree) {
        this.decisionTree(sec, rb, name);
      } else if (/success\s+criteria/i.test(name)) {
        this.criteria(sec, rb);
        this.keepRest(sec, rb, name);
      } else if (/expected\s+outcomes?/i.test(name)) {
        rb.expectedOutcomes = { text: body, timeline: timeline(sec.blocks) };
        this.note(sec.heading.line, 'section', 'expectedOutcomes', `"${name}" → expected outcomes (${rb.expectedOutcomes.timeline.length} timeline entries)`);
      } else if (/deploy/i.test(name) && !rb.deployment) {
        rb.deployment = { text: body, corrections: [] };
        this.note(sec.heading.line, 'section', 'deployment', `"${name}" → deployment text (its commands are shown, not run)`);
      } else if (/next\s+steps?/i.test(name)) {
        rb.nextSteps = sec.blocks.filter((b): b is Extract<Block, { kind: 'item' }> => b.kind === 'item' && b.indent === 0).map((b) => b.text);
        this.note(sec.heading.line, 'section', 'nextSteps', `"${name}" → ${rb.nextSteps.length} next steps`);
        this.keepRest(sec, rb, name);
      } else if (sec.blocks.some((b) => (b.kind === 'fence' && b.lang in SHELLS) || (b.kind === 'item' && b.marker === 'check'))) {
        this.group(sec, rb, name, groupLevel);
      } else {
        rb.sections!.push({ title: name, text: body, sourceLine: sec.heading.line });
        this.note(sec.heading.line, 'section', 'sections', `"${name}" kept as a text section (no steps, commands or known part)`);
        this.reportTrees(sec.blocks, 'sections');
      }
    }
    return rb;
  }

  private quickWins(sec: Section, rb: RunbookInput, name: string) {
    const items = sec.blocks.filter((b): b is Extract<Block, { kind: 'item' }> => b.kind === 'item' && b.indent === sec.blocks.filter((x) => x.kind === 'item').reduce((m, x) => Math.min(m, (x as { indent: number }).indent), 99));
    rb.quickWins.title = name;
    this.note(sec.heading!.line, 'group', 'quick-wins', `"${name}"`);
    const loose: string[] = [];
    let itemIndex = 0;
    const bounds = items.map((it, i) => ({ it, end: (items[i + 1]?.line ?? nextNonItemLine(sec, it)) - 1 }));
    for (const { it, end } of bounds) {
      const inner = sec.blocks.filter((b) => b.line > it.line && b.line <= end);
      const hasCommand = inner.some((b) => b.kind === 'fence' && b.lang in SHELLS) || /`[^`]+`/.test(it.text);
      if (it.marker === 'bullet' && !hasCommand) continue;
      itemIndex++;
      const { title, estimate } = titleAndEstimate(it.text.replace(/^[✅☑✔❌⬜️\s]+/u, ''));
      const id = this.uniqueId(`qw.${it.marker === 'number' ? it.number : itemIndex}`);
      const step = this.step(id, title, estimate, it.line, inner, it.line, end, 'quick-wins');
      rb.quickWins.steps.push(step);
    }
    for (const b of sec.blocks) {
      const inItem = bounds.some(({ it, end }) => b.line >= it.line && b.line <= end);
      if (!inItem && b.kind !== 'blank') loose.push(this.lines[b.line - 1]);
    }
    rb.quickWins.text = loose.join('\n').trim();
    if (rb.quickWins.text) this.note(sec.heading!.line + 1, 'section', 'quick-wins', `${loose.length} line(s) around the checklist kept as its text`);
  }

  private group(sec: Section, rb: RunbookInput, name: string, groupLevel: number) {
    const num = /^(?:phase|stage|part)\s+(\d+)/i.exec(name)?.[1];
    const { title, estimate } = titleAndEstimate(name.replace(/^(phase|stage|part)\b/i, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()));
    const id = this.uniqueId(num !== undefined ? `phase-${num}` : slug(title));
    this.note(sec.heading!.line, 'group', id, `"${title}"${estimate ? ` (estimate ${estimate})` : ''}`);
    const subs = splitSections(sec.blocks, groupLevel + 1, sec.endLine);
    const steps: StepInput[] = [];
    let preamble = subs[0] && !subs[0].heading ? subs.shift()! : undefined;
    if (subs.length) {
      for (const s of subs) {
        const h = plainText(s.heading!.text);
        const m = STEP_NUMBER.exec(h);
        const words = m ? m[3] || h : h;
        const { title: stepTitle, estimate: est } = titleAndEstimate(words);
        const wanted = m ? m[1] : slug(stepTitle);
        const sid = this.uniqueId(/^\d+$/.test(wanted) && num !== undefined ? `${num}.${wanted}` : wanted);
        if (m?.[2]) this.note(s.heading!.line, 'note', sid, `"-${m[2]}" after the step number kept in the step's heading text only`);
        steps.push(this.step(sid, stepTitle, est, s.heading!.line, s.blocks, s.heading!.line + 1, s.endLine, id));
      }
    } else if (preamble) {
      // no step headings: bold labels ("**Fix F: …**"), then command lists, then the whole group as one step
      const labelled = this.labelledSteps(preamble, num, id);
      if (labelled.steps.length) {
        steps.push(...labelled.steps);
        preamble = labelled.rest;
      } else {
        const listed = this.listedSteps(preamble, id);
        if (listed.length) steps.push(...listed);
        else if (preamble.blocks.some((b) => b.kind === 'fence' && b.lang in SHELLS)) {
          steps.push(this.step(this.uniqueId(`${id}.1`), title, estimate, sec.heading!.line, preamble.blocks, preamble.line, preamble.endLine, id));
          preamble = undefined;
        }
      }
    }
    const phaseText = preamble ? this.textOf(preamble.line, preamble.endLine) : '';
    if (phaseText) this.note(preamble!.line, 'section', id, `the group's own text (${phaseText.split('\n').length} lines)`);
    rb.phases.push({ id, title, ...(estimate ? { estimate } : {}), text: phaseText, steps, sourceLine: sec.heading!.line });
  }

  /** `**Scenario F: …**` / `**Fix F: …**` paragraphs as steps; the text before the first stays the group's. */
  private labelledSteps(sec: Section, num: string | undefined, groupId: string): { steps: StepInput[]; rest?: Section } {
    const labels = sec.blocks.filter((b) => b.kind === 'text' && BOLD_LABEL.test(b.text));
    if (labels.length < 1) return { steps: [] };
    const steps: StepInput[] = [];
    labels.forEach((b, i) => {
      const m = BOLD_LABEL.exec((b as { text: string }).text)!;
      const end = (labels[i + 1]?.line ?? sec.endLine + 1) - 1;
      const inner = sec.blocks.filter((x) => x.line > b.line && x.line <= end);
      const wanted = num !== undefined ? `${num}.${m[2].toLowerCase()}` : `${slug(m[1])}-${m[2].toLowerCase()}`;
      steps.push(this.step(this.uniqueId(wanted), `${m[1]} ${m[2]}: ${m[3]}`, undefined, b.line, inner, b.line, end, groupId));
    });
    const first = labels[0].line;
    const rest = first > sec.line ? { blocks: sec.blocks.filter((b) => b.line < first), line: sec.line, endLine: first - 1 } : undefined;
    return { steps, rest };
  }

  /** Checklist items (`- [ ]`) and numbered items with commands, as steps. */
  private listedSteps(sec: Section, groupId: string): StepInput[] {
    const items = sec.blocks.filter((b): b is Extract<Block, { kind: 'item' }> => b.kind === 'item' && b.indent === 0);
    const steps: StepInput[] = [];
    items.forEach((it, i) => {
      const end = (items[i + 1]?.line ?? sec.endLine + 1) - 1;
      const inner = sec.blocks.filter((b) => b.line > it.line && b.line <= end);
      const hasCommand = inner.some((b) => b.kind === 'fence' && b.lang in SHELLS) || /`[^`]+`/.test(it.text);
      if (it.marker === 'check' || (it.marker === 'number' && hasCommand)) {
        const { title, estimate } = titleAndEstimate(it.text);
        steps.push(this.step(this.uniqueId(`${groupId}.${it.number ?? i + 1}`), title, estimate, it.line, inner, it.line, end, groupId, it.marker === 'check' ? it.text : undefined));
      }
    });
    return steps;
  }

  private step(id: string, title: string, estimate: string | undefined, line: number, blocks: Block[], from: number, to: number, group: string, inlineItem?: string): StepInput {
    this.tick();
    this.stepCount++;
    this.note(line, 'step', id, `"${title}"${estimate ? ` (estimate ${estimate})` : ''} in ${group}`);
    const checks: CheckInput[] = [];
    const code: { language: string; text: string; anchor?: string }[] = [];
    const expectedTexts: string[] = [];
    const ifLines: string[] = [];
    let pending: Expectation[] = [];
    const current = () => checks[checks.length - 1] as (CheckInput & { $expect: Expectation[] }) | undefined;
    const expect = (e: Expectation) => {
      const c = current();
      if (c) c.$expect.push(e);
      else pending.push(e);
      this.note(e.line, 'expectation', c ? `${id}/${c.id}` : id, describeExpectation(e));
    };
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind === 'fence') {
        if (b.lang in SHELLS) {
          const c = this.command(id, checks.length + 1, b);
          c.$expect.push(...pending);
          pending = [];
          checks.push(c);
          for (const e of this.commentExpectations(b)) expect(e);
          if (b.lang === 'console' || b.lang === 'shell-session') for (const e of consoleOutput(b)) expect(e);
        } else if (b.lang === 'go' || b.lang === 'golang') {
          const textBody = b.body.join('\n');
          const anchor = GO_ANCHORS.find(([re]) => re.test(textBody))?.[1];
          code.push({ language: 'go', text: textBody, ...(anchor ? { anchor } : {}) });
          this.note(b.line, 'code', id, `go block (${b.body.length} lines)${anchor ? `, linked to the ${anchor} code lens` : ''}`);
        } else if (OUTPUT_LANGS.has(b.lang) && isExpectedOutputLead(blocks, i)) {
          const outLines = b.body.map((l) => l.trim()).filter(Boolean);
          for (const l of outLines.slice(0, 20)) expect({ kind: 'contains', value: l, text: `expected output: ${l}`, line: b.line });
          if (outLines.length > 20) this.note(b.line, 'not-understood', id, `expected output of ${outLines.length} lines: only the first 20 are checked; the rest is kept as text`);
        } else if (looksLikeAsciiTree(b.body)) {
          this.note(b.line, 'not-understood', id, `an ASCII tree inside a step (${b.body.length} lines) kept as text`);
        } else {
          this.note(b.line, 'not-understood', id, `a ${b.lang ? `\`${b.lang}\`` : 'plain'} code block (${b.body.length} lines) kept as text`);
        }
        continue;
      }
      if (b.kind !== 'text' && b.kind !== 'item') continue;
      const words = b.text.trim();
      // expectations are short lines; a long one is prose (and kept out of the line regexes)
      if (words.length > 2000) continue;
      const expected = /^(?:\*\*)?expected(?: output| result)?(?:\*\*)?\s*:?(?:\*\*)?\s*:?\s*(.*)$/i.exec(words);
      if (expected && b.kind === 'text') {
        const rest = expected[1].trim();
        if (rest) {
          expectedTexts.push(rest);
          for (const e of splitAlternatives(rest, b.line)) expect(e);
        } else {
          // mdproof style: `Expected:` then a list
          let j = i + 1;
          while (j < blocks.length && blocks[j].kind === 'blank') j++;
          while (j < blocks.length && blocks[j].kind === 'item') {
            const it = blocks[j] as Extract<Block, { kind: 'item' }>;
            expectedTexts.push(it.text);
            expect(readExpectation(it.text, it.line));
            j++;
          }
          // with no list, an expected-output block may follow: the loop reaches it next
          i = Math.max(i, j - 1);
        }
        continue;
      }
      const ifLine = /^(?:\*\*)?if\b([^*:]*?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+)$/i.exec(words) ?? /^(?:\*\*)?if(?:\*\*)?\s+()([^→]+?→.+)$/i.exec(words);
      if (ifLine) {
        ifLines.push(words);
        const lhs = ifLine[1].trim() || ifLine[2].split(/\s*→\s*|\s+->\s+/)[0].trim();
        const literal = unquote(lhs);
        if (literal) expect({ kind: 'badSign', value: literal, text: words, line: b.line });
        else this.note(b.line, 'if', id, `kept as a note beside the verdict (not readable as a check): ${words.slice(0, 80)}`);
        continue;
      }
      const sign = /^([✅❌])\s*(.+)$/u.exec(words);
      if (sign && b.kind === 'item') {
        const lit = /`([^`]+)`|"([^"]+)"/.exec(sign[2]);
        if (lit) {
          expect({ kind: sign[1] === '✅' ? 'goodSign' : 'badSign', value: lit[1] ?? lit[2], text: words, line: b.line });
          continue;
        }
        this.note(b.line, 'not-understood', id, `a ${sign[1]} line without a quoted text to look for, kept as text: ${sign[2].slice(0, 80)}`);
        continue;
      }
      const look = /^(?:\*\*)?look\s+for(?:\*\*)?\s*:?(?:\*\*)?\s*(.+)$/i.exec(words);
      if (look) {
        expect(readExpectation(look[1].trim(), b.line));
        continue;
      }
    }
    if (inlineItem && !checks.length) {
      const inline = /`([^`]+)`/.exec(inlineItem);
      if (inline) this.note(from, 'not-understood', id, `an inline command \`${inline[1].slice(0, 60)}\` is shown, not run (only fenced blocks become commands)`);
    }
    const step: StepInput = {
      id,
      title,
      ...(estimate ? { estimate } : {}),
      text: this.textOf(from, to) || (inlineItem ?? ''),
      ...(expectedTexts.length ? { expected: expectedTexts.join(' · ') } : {}),
      ifLines,
      checks: checks.map((c) => this.finishCheck(c as CheckInput & { $expect: Expectation[] })),
      code,
      sourceLine: line,
      manual: checks.length === 0,
    };
    if (checks.length === 0 && pending.length) {
      this.note(line, 'note', id, `${pending.length} expectation(s) with no command to judge: kept as the step's Expected text`);
    }
    return step;
  }

  private command(stepId: string, n: number, b: Extract<Block, { kind: 'fence' }>): CheckInput & { $expect: Expectation[] } {
    const shell = SHELLS[b.lang];
    const console = b.lang === 'console' || b.lang === 'shell-session';
    const prompts = console ? b.body.filter((l) => /^\$ /.test(l)).map((l) => l.slice(2)) : [];
    const script = console && prompts.length ? prompts.join('\n') : b.body.join('\n');
    const comment = /^\s*#\s*(.+)$/.exec(b.body.find((l) => /^\s*#/.test(l)) ?? '')?.[1]?.trim();
    const firstLine = script.split('\n').find((l) => l.trim())?.trim();
    const label = comment || (firstLine ? (firstLine.length > 80 ? firstLine.slice(0, 79) + '…' : firstLine) : `command ${n}`);
    const placeholders: Placeholder[] = detectPlaceholders(script, this.runnerApp);
    const mutating = MUTATING.exec(script)?.[0];
    const id = `cmd-${n}`;
    this.note(b.line, 'command', `${stepId}/${id}`, `${b.lang} block, ${b.body.length} line(s) kept exactly${mutating ? `; changes the system (${mutating}): shown, never run as a check` : ''}`);
    for (const p of placeholders) {
      this.note(b.line, 'placeholder', `${stepId}/${id}`, `${p.text} → ${p.field}${p.review ? ` — REVIEW: ${p.review}` : ''}`);
    }
    if (!script.trim()) this.note(b.line, 'not-understood', `${stepId}/${id}`, 'an empty command block');
    return {
      id,
      label: label.slice(0, 120),
      probe: { type: 'script', shell, script: script.trim() ? script : '# (empty)', placeholders, ...(mutating ? { mutating } : {}), vantage: 'this machine' },
      otherwise: { verdict: 'inconclusive', reason: '' },
      $expect: [],
    };
  }

  /** `# Look for: X` and the `# ✅ "…"` / `# ❌ "…"` lines after it, inside a shell block. */
  private commentExpectations(b: Extract<Block, { kind: 'fence' }>): Expectation[] {
    const out: Expectation[] = [];
    b.body.forEach((l, k) => {
      const line = b.line + 1 + k;
      const c = /^\s*#\s*(.*)$/.exec(l);
      if (!c) return;
      const words = c[1].trim();
      const look = /^look\s+for\s*:\s*(.*)$/i.exec(words);
      if (look && look[1].trim()) {
        const e = readExpectation(look[1], line);
        out.push(e.kind === 'manual' ? { kind: 'contains', value: look[1].trim(), text: words, line } : e);
        return;
      }
      const sign = /^([✅❌])\s*(.+)$/u.exec(words);
      if (sign) {
        const lit = /`([^`]+)`|"([^"]+)"/.exec(sign[2]);
        if (lit) out.push({ kind: sign[1] === '✅' ? 'goodSign' : 'badSign', value: lit[1] ?? lit[2], text: words, line });
      }
    });
    return out;
  }

  private finishCheck(c: CheckInput & { $expect: Expectation[] }): Check {
    const { $expect: expectations, ...check } = c;
    return { ...check, derive: [], requires: [], ...expectationRules(expectations) } as Check;
  }

  private decisionTree(sec: Section, rb: RunbookInput, name: string) {
    const fence = sec.blocks.find((b): b is Extract<Block, { kind: 'fence' }> => b.kind === 'fence' && looksLikeAsciiTree(b.body))!;
    const parsed = parseAsciiTree(fence.body);
    const planText = fence.body.join('\n');
    if (!parsed.root || parsed.problem) {
      rb.sections!.push({ title: name, text: this.textOf(sec.heading!.line + 1, sec.endLine), sourceLine: sec.heading!.line });
      this.note(fence.line, 'not-understood', 'sections', `the decision tree does not parse (${parsed.problem}); kept as text`);
      return;
    }
    const nodes: DecisionNode[] = [];
    const causes: Cause[] = [];
    let n = 0;
    const visit = (node: AsciiTreeNode): string => {
      const nodeId = `tree-${n++}`;
      const dn: DecisionNode = { id: nodeId, question: node.text, needs: [], branches: [] };
      nodes.push(dn);
      node.children.forEach((child, k) => {
        const when = { fact: `tree.${nodeId}`, op: 'eq' as const, value: k };
        if (child.children.length) {
          dn.branches.push({ label: child.text, when, next: visit(child) });
        } else {
          const causeId = `tree-leaf-${causes.length + 1}`;
          causes.push({ id: causeId, title: child.text, plan: 'a leaf of the imported decision tree', prior: null, evidence: [], confirmWith: [] });
          dn.branches.push({ label: child.text, when, cause: causeId });
        }
      });
      return nodeId;
    };
    const root = visit(parsed.root);
    rb.decisionTree = { root, planText, nodes, impossible: [] };
    rb.causes = [...(rb.causes ?? []), ...causes];
    this.treeNodes = parsed.nodes;
    this.note(fence.line, 'tree', 'decisionTree', `"${name}": ${parsed.nodes} nodes → ${nodes.length} questions and ${causes.length} leaves (branches are answered by hand: the plan's tree names no facts)`);
    const other = this.textOf(sec.heading!.line + 1, fence.line - 1) + '\n' + this.textOf(fence.endLine + 1, sec.endLine);
    if (other.trim()) rb.sections!.push({ title: name, text: other.trim(), sourceLine: sec.heading!.line });
  }

  private criteria(sec: Section, rb: RunbookInput) {
    const items = sec.blocks.filter((b): b is Extract<Block, { kind: 'item' }> => b.kind === 'item' && b.indent === 0);
    rb.successCriteria = items.map((it, i) => ({ id: `sc.${i}`, text: it.text }));
    for (const [i, it] of items.entries()) this.note(it.line, 'criterion', `sc.${i}`, plainText(it.text.replace(/^[✅☑✔\s]+/u, '')).slice(0, 80));
  }

  /** What a list section has besides its top-level items, kept as a text section. */
  private keepRest(sec: Section, rb: RunbookInput, name: string) {
    const rest = sec.blocks.filter((b) => b.kind !== 'blank' && b.kind !== 'rule' && !(b.kind === 'item' && b.indent === 0));
    if (!rest.length) return;
    rb.sections!.push({ title: name, text: rest.map((b) => this.textOf(b.line, b.kind === 'fence' ? b.endLine : b.line)).join('\n'), sourceLine: rest[0].line });
    this.note(rest[0].line, 'section', 'sections', `${rest.length} block(s) of "${name}" besides its list kept as a text section`);
  }

  private reportTrees(blocks: Block[], into: string) {
    for (const b of blocks) {
      if (b.kind === 'fence' && looksLikeAsciiTree(b.body)) this.note(b.line, 'not-understood', into, 'a second ASCII tree kept as text (a runbook has one decision tree)');
    }
  }
}

function splitSections(blocks: Block[], level: number, lastLine: number): Section[] {
  const out: Section[] = [];
  let cur: Section | undefined;
  for (const b of blocks) {
    if (b.kind === 'heading' && b.level <= level) {
      if (cur) cur.endLine = b.line - 1;
      if (b.level < level && out.length === 0 && !cur) {
        // the title heading above the first section
        cur = { blocks: [], line: b.line + 1, endLine: lastLine };
        out.push(cur);
        continue;
      }
      cur = { heading: b, blocks: [], line: b.line, endLine: lastLine };
      out.push(cur);
      continue;
    }
    if (!cur) {
      cur = { blocks: [], line: b.line, endLine: lastLine };
      out.push(cur);
    }
    cur.blocks.push(b);
  }
  if (cur) cur.endLine = lastLine;
  return out.filter((s) => s.heading || s.blocks.some((b) => b.kind !== 'blank' && b.kind !== 'rule'));
}

function hasStepHeadings(sec: Section, groupLevel: number): boolean {
  return sec.blocks.some((b) => b.kind === 'heading' && b.level === groupLevel + 1 && STEP_NUMBER.test(plainText(b.text)));
}

function nextNonItemLine(sec: Section, it: Extract<Block, { kind: 'item' }>): number {
  // the item runs until a line at or left of its own indentation that is not part of it
  for (const b of sec.blocks) {
    if (b.line <= it.line) continue;
    if (b.kind === 'text' && !/^\s/.test(b.text)) return b.line;
    if (b.kind === 'heading') return b.line;
  }
  return sec.endLine + 1;
}

/** "Check hybrid env vars (30 seconds)" → title and estimate; "(NEW - 15 minutes)" too. */
function titleAndEstimate(s: string): { title: string; estimate?: string } {
  const text = plainText(s);
  const paren = /\s*\(([^()]*)\)\s*$/.exec(text);
  if (paren) {
    const est = ESTIMATE.exec(paren[1]);
    if (est) return { title: plainText(text.slice(0, paren.index)), estimate: est[1] };
  }
  const dash = /\s+[—–-]\s+([^—–]*)$/.exec(text);
  if (dash && ESTIMATE.test(dash[1]) && dash[1].length < 30) return { title: text.slice(0, dash.index).trim(), estimate: ESTIMATE.exec(dash[1])![1] };
  return { title: text };
}

function timeline(blocks: Block[]): { phase: string; estimate: string }[] {
  const out: { phase: string; estimate: string }[] = [];
  for (const b of blocks) {
    if (b.kind !== 'item') continue;
    const m = /^\*\*([^*]+)\*\*\s*:\s*(.+)$/.exec(b.text.trim());
    if (m && ESTIMATE.test(m[2])) out.push({ phase: m[1].trim(), estimate: m[2].trim() });
  }
  return out;
}

/** `Expected: A or B` stays one expectation (the user judges); a single quoted value is read. */
function splitAlternatives(rest: string, line: number): Expectation[] {
  return [readExpectation(rest, line)];
}

function isExpectedOutputLead(blocks: Block[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const b = blocks[j];
    if (b.kind === 'blank') continue;
    return (b.kind === 'text' || b.kind === 'item') && /(?:expected|sample)?\s*output\s*:?\s*(?:\*\*)?\s*:?\s*$|expected\s*:?(?:\*\*)?\s*:?\s*$/i.test(b.text.trim());
  }
  return false;
}

function consoleOutput(b: Extract<Block, { kind: 'fence' }>): Expectation[] {
  const out: Expectation[] = [];
  if (!b.body.some((l) => /^\$ /.test(l))) return out;
  b.body.forEach((l, k) => {
    if (/^\$ /.test(l) || !l.trim()) return;
    if (out.length < 20) out.push({ kind: 'contains', value: l.trim(), text: `console output: ${l.trim()}`, line: b.line + 1 + k });
  });
  return out;
}

function describeExpectation(e: Expectation): string {
  switch (e.kind) {
    case 'contains':
      return `output contains ${JSON.stringify(e.value)}`;
    case 'absent':
      return `output does not contain ${JSON.stringify(e.value)}`;
    case 'regex':
      return `output matches /${e.value}/${e.regexFlags ?? ''}`;
    case 'exitCode':
      return `exit code ${e.value}`;
    case 'goodSign':
      return `good sign ${JSON.stringify(e.value)} (one is enough)`;
    case 'badSign':
      return `bad sign ${JSON.stringify(e.value)} fails the check`;
    case 'manual':
      return `judged by hand: ${e.text.slice(0, 100)}`;
  }
}

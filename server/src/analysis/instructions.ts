/**
 * Wraps dockerfile-ast instructions into the model's `Instr` records: upper-cased keyword, flags with their
 * options, arguments after the flags, heredoc bodies. Each AST query is guarded because the parser's lazy
 * accessors may throw on malformed input.
 */
import type { Flag, Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { placeOptions } from './flagOptionRanges';
import { MemoSlot, ObjectMemo } from './memo';
import { mapPacked } from './packedArrays';
import { guarded } from './parse';
import type { FlagInfo, HeredocInfo, Instr, Stage, Token } from './model';

interface MutableInstr extends Instr {
  stage: Stage | undefined;
}

type WithFlags = Instruction & { getFlags(): Flag[] };
type WithHeredocs = Instruction & { getHeredocs(): { getName(): string; getContentRange(): Range | null }[] };
type WithTrigger = Instruction & { getTriggerInstruction(): Instruction | null };

function hasFlags(node: Instruction): node is WithFlags {
  return typeof (node as Partial<WithFlags>).getFlags === 'function';
}

function flagInfo(flag: Flag, document: TextDocument): FlagInfo {
  const value = flag.getValue();
  const valueRange = flag.getValueRange();
  return {
    name: flag.getName(),
    value,
    range: flag.getRange(),
    nameRange: flag.getNameRange(),
    valueRange,
    options: guarded(
      () =>
        placeOptions(
          document,
          valueRange,
          value,
          flag.getOptions().map((o) => ({
            name: o.getName(),
            value: o.getValue(),
            range: o.getRange(),
            valueRange: o.getValueRange(),
          })),
        ),
      [],
    ),
  };
}

function heredocsOf(node: Instruction, document: TextDocument): HeredocInfo[] {
  const withHeredocs = node as unknown as Partial<WithHeredocs>;
  if (typeof withHeredocs.getHeredocs !== 'function') return [];
  // A heredoc argument starts with '<<' (after line continuations are joined): with no '<' in the text there is
  // none, and the parser's getHeredocs(), which re-reads every argument, can be skipped (most instructions).
  if (!document.getText(node.getRange()).includes('<')) return [];
  return guarded(
    () =>
      (node as unknown as WithHeredocs).getHeredocs().map((h) => {
        const contentRange = h.getContentRange();
        return { name: h.getName(), contentRange, content: contentRange ? document.getText(contentRange) : '' };
      }),
    [],
  );
}

/**
 * dockerfile-ast builds argument values one character at a time, which leaves a tree of one V8 cons-string per
 * character (32 bytes each) until something flattens it. A model keeps these values for as long as its document
 * is open, so flatten them now (reading a character does): 20% less memory per model on the corpus.
 */
function flatten(value: string): string {
  if (value.length > 1) value.charCodeAt(value.length >> 1);
  return value;
}

/**
 * An instruction record. A class rather than an object literal so that `flag` is one shared method, not a closure
 * (and its context) per instruction of every model. A `MemoSlot`: rules memoise facts on nearly every record, and
 * the reserved slot spares each record a property definition and a change of shape.
 */
class InstrRecord extends MemoSlot implements MutableInstr {
  stage: Stage | undefined = undefined;
  declare trigger?: Instr;

  constructor(
    readonly index: number,
    readonly keyword: string,
    readonly keywordText: string,
    readonly keywordRange: Range,
    readonly range: Range,
    readonly node: Instruction,
    readonly flags: readonly FlagInfo[],
    readonly args: readonly Token[],
    readonly heredocs: readonly HeredocInfo[],
  ) {
    super();
  }

  flag(name: string): FlagInfo | undefined {
    return this.flags.find((f) => f.name === name);
  }
}

/** What an instruction record holds that depends on its node alone. */
type NodeContent = Pick<Instr, 'keyword' | 'keywordText' | 'keywordRange' | 'flags' | 'args' | 'heredocs'>;

/**
 * Kept on the node: a node the next version reuses (`nodeReuse.ts`, same text at the same position) has the same
 * content, and its next record is made without reading the node again.
 */
const contents = new ObjectMemo<Instruction, NodeContent>();

function contentOf(node: Instruction, document: TextDocument): NodeContent {
  const known = contents.get(node);
  if (known) return known;
  const flags = hasFlags(node) ? guarded(() => mapPacked(node.getFlags(), (flag) => flagInfo(flag, document)), []) : [];
  // dockerfile-ast's arguments are `{ value, range }` objects already (its `Argument` keeps exactly these two
  // fields): they serve as the model's tokens as they are, instead of a copy of each in every model. Only the list is
  // new, packed in every tier (packedArrays.ts).
  const args: Token[] = guarded(() => mapPacked(node.getArguments() as unknown as Token[], (a) => {
    flatten(a.value);
    return a;
  }), []);
  const keywordRange = node.getInstructionRange();
  const content: NodeContent = {
    keyword: node.getKeyword().toUpperCase(), keywordText: document.getText(keywordRange), keywordRange, flags, args,
    heredocs: heredocsOf(node, document),
  };
  contents.set(node, content);
  return content;
}

export function wrapInstruction(node: Instruction, index: number, document: TextDocument): MutableInstr {
  const { keyword, keywordText, keywordRange, flags, args, heredocs } = contentOf(node, document);
  const instr = new InstrRecord(index, keyword, keywordText, keywordRange, node.getRange(), node, flags, args, heredocs);
  const maybeTrigger = node as Partial<WithTrigger>;
  if (typeof maybeTrigger.getTriggerInstruction === 'function') {
    const triggerNode = guarded(() => (node as WithTrigger).getTriggerInstruction(), null);
    if (triggerNode) instr.trigger = wrapInstruction(triggerNode, index, document);
  }
  return instr;
}

export function setStage(instr: Instr, stage: Stage): void {
  (instr as MutableInstr).stage = stage;
  if (instr.trigger) (instr.trigger as MutableInstr).stage = stage;
}

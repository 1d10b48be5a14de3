/**
 * Parser directives as BuildKit reads them. dockerfile-ast accepts any `# key=value` line at the top of the
 * file as a directive, including `# hadolint ignore=DL3007` (its "key" has a space). BuildKit only takes a
 * single-word key, and the first line that is not a directive ends the block. Lines dockerfile-ast took for
 * directives but BuildKit does not are comments, so suppression pragmas at the top of a file still work.
 */
import type { Dockerfile } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CommentInfo, Directive } from './model';
import { guarded } from './parse';

const DIRECTIVE_LINE = /^#\s*[A-Za-z][A-Za-z0-9_-]*\s*=/;

export function readDirectives(ast: Dockerfile, document: TextDocument): { directives: Directive[]; comments: CommentInfo[] } {
  const directives: Directive[] = [];
  const comments: CommentInfo[] = [];
  let blockOpen = true;
  for (const d of guarded(() => ast.getDirectives(), [])) {
    const range = d.getRange();
    const text = document.getText(range);
    if (blockOpen && DIRECTIVE_LINE.test(text.trimStart())) {
      directives.push({ name: d.getName().toLowerCase(), value: d.getValue(), range });
    } else {
      blockOpen = false;
      comments.push({ text: text.trimStart(), range });
    }
  }
  return { directives, comments };
}

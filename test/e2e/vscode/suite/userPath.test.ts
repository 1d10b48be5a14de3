// The user's path of the code-server workbench suite, asserted through the vscode API inside the extension
// host: diagnostics, the quick fix, the stage card, and a settings change. Same fixtures and expectations.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hovers, problems, quickFix, settingChange } from '../../expectations';
import { codeOf, hoverText, openFile, position, waitForDiagnostics, workspaceUri } from './helpers';

function countCodes(diagnostics: readonly vscode.Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) {
    // The Problems panel (what the workbench suite reads) does not list hints; compare like with like.
    if (d.severity === vscode.DiagnosticSeverity.Hint) continue;
    counts[codeOf(d)] = (counts[codeOf(d)] ?? 0) + 1;
  }
  return counts;
}

describe('stagelint in the extension host', () => {
  it('publishes the expected rule codes for an opened Dockerfile', async () => {
    await openFile(problems.file);
    const expectedTotal = Object.values(problems.codes).reduce((a, b) => a + b, 0);
    const diagnostics = await waitForDiagnostics(
      workspaceUri(problems.file),
      (d) => Object.values(countCodes(d)).reduce((a, b) => a + b, 0) >= expectedTotal,
    );
    assert.deepEqual(countCodes(diagnostics), problems.codes);
  });

  it('offers a quick fix for the COPY --from typo that renames the reference', async () => {
    const editor = await openFile(quickFix.file);
    const uri = editor.document.uri;
    const [diagnostic] = (await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === quickFix.code))).filter(
      (d) => codeOf(d) === quickFix.code,
    );
    assert.ok(diagnostic);
    assert.equal(diagnostic.range.start.line + 1, quickFix.line);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(position(quickFix.line, quickFix.column), position(quickFix.line, quickFix.column)),
    );
    const action = actions.find((a) => a.title === quickFix.title);
    assert.ok(action?.edit, `no '${quickFix.title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.equal(editor.document.lineAt(quickFix.line - 1).text, quickFix.after);
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === quickFix.code));
  });

  it('shows the stage card with the stage role on hover', async () => {
    for (const expected of hovers) {
      const editor = await openFile(expected.file);
      const result = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        position(expected.line, expected.column),
      );
      const text = hoverText(result);
      for (const pattern of expected.mustMatch) {
        assert.match(text, pattern, `hover at ${expected.file}:${expected.line}:${expected.column}`);
      }
    }
  });

  it('updates diagnostics when stagelint.rules turns a rule off', async () => {
    const editor = await openFile(settingChange.file);
    const uri = editor.document.uri;
    const hasRule = (d: readonly vscode.Diagnostic[]) => d.some((x) => codeOf(x) === settingChange.rule);
    const before = await waitForDiagnostics(uri, hasRule);
    const others = before.map(codeOf).filter((code) => code !== settingChange.rule).sort();
    const config = vscode.workspace.getConfiguration('stagelint');
    await config.update('rules', { [settingChange.rule]: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const after = await waitForDiagnostics(uri, (d) => !hasRule(d));
      assert.deepEqual(after.map(codeOf).sort(), others);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, hasRule);
  });
});

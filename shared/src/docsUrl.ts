/** One URL scheme for rule documentation: diagnostics' codeDescription, SARIF helpUri and generated docs. */
export const REPOSITORY_URL = 'https://github.com/stagelint/stagelint';

export function docsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}

// When two findings quote the same evidence: what SARIF fingerprints and baselines compare.

/** Evidence with case, Unicode forms and runs of white space set aside. */
export function normaliseEvidence(evidence: string): string {
  return evidence.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

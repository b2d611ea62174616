/**
 * Prints the reliability suite's figure when it ends: every `it` is one case
 * (one hostile string in one field, one broken reply, ...).
 */
function count(suite: Mocha.Suite): { tried: number; held: number } {
  let tried = 0;
  let held = 0;
  for (const test of suite.tests) {
    if (test.state !== undefined) {
      tried++;
      held += test.state === 'passed' ? 1 : 0;
    }
  }
  for (const child of suite.suites) {
    const sub = count(child);
    tried += sub.tried;
    held += sub.held;
  }
  return { tried, held };
}

after(function () {
  let root = this.test!.parent!;
  while (root.parent) {
    root = root.parent;
  }
  const { tried, held } = count(root);
  // The closing line CI reads: "word: N passed, N failed".
  setImmediate(() => {
    console.log(`\nReliability suite: ${tried} cases tried, ${held} held.`);
    console.log(`reliability: ${held} passed, ${tried - held} failed`);
  });
});

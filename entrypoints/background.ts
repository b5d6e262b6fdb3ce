export default defineBackground(() => {
  // Reporting queue, rule updates and badge counts are wired here by later features.
});

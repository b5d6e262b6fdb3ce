import { startReporting } from '../src/report/background';

export default defineBackground(() => {
  // Rule updates and badge counts are wired here by later features.
  startReporting();
});

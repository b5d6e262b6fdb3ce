import { startBackground } from '../src/background';
import { startReporting } from '../src/report/background';

export default defineBackground(() => {
  startBackground();
  startReporting();
});

export default defineContentScript({
  matches: ['https://www.facebook.com/*'],
  main() {},
});

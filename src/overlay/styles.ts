/**
 * The banner's stylesheet, inside its shadow root. px, not rem: rem follows the host page's root font size.
 * Colours meet WCAG AA on their backgrounds (text ≥ 4.5:1, borders and focus rings ≥ 3:1).
 */
export const BANNER_CSS = `
:host { all: initial; display: block; margin: 8px 0; contain: content; }
* { box-sizing: border-box; }
.banner {
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: #1f2328; background: #fdecea; border: 1px solid #e8b4ae; border-left: 6px solid #b42318;
  border-radius: 8px; padding: 10px 12px; max-width: 100%; overflow-wrap: anywhere; text-align: start;
}
.banner.caution { background: #fff6e0; border-color: #ecc98a; border-left-color: #b54708; }
.title { display: flex; align-items: flex-start; gap: 8px; margin: 0; font-size: 16px; font-weight: 700; color: #8a1c12; }
.caution .title { color: #7a2e0e; }
.icon { flex: none; width: 22px; height: 22px; margin-top: 1px; }
.summary { margin: 4px 0 0 30px; }
.why { margin: 8px 0 0 30px; font-weight: 700; }
.reasons { margin: 2px 0 0 30px; padding: 0 0 0 18px; }
.reasons li { margin: 2px 0; }
.quote { color: #3d2a00; }
.quote mark { background: #ffe08a; color: inherit; padding: 0 2px; border-radius: 2px; }
.todo { margin: 8px 0 0 30px; }
.todo ul { margin: 4px 0 0; padding: 0 0 0 18px; }
.todo li { margin: 3px 0; }
.todo a { color: #0b4fb3; font-weight: 700; }
.channel-purpose { color: #4b5563; }
.org { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; margin: 8px 0 0 30px; }
.org-logo { flex: none; width: 20px; height: 20px; object-fit: contain; }
.org-name { font-weight: 700; }
.org a { color: #0b4fb3; font-weight: 700; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 0 30px; }
button {
  font: inherit; font-size: 14px; font-weight: 600; min-height: 36px; padding: 6px 12px; border-radius: 6px;
  border: 1px solid #6b7280; background: #ffffff; color: #1f2328; cursor: pointer;
}
button:hover { background: #f3f4f6; }
button.primary { background: #b42318; border-color: #b42318; color: #ffffff; }
button.primary:hover { background: #912018; }
.caution button.primary { background: #93370d; border-color: #93370d; }
button.link {
  min-height: 32px; padding: 4px 0; border: 0; background: none; color: #0b4fb3; text-decoration: underline;
}
button:focus-visible, a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
@media (max-width: 420px) {
  .summary, .why, .reasons, .org, .todo, .actions { margin-left: 0; }
  .actions button { flex: 1 1 auto; }
}
`;

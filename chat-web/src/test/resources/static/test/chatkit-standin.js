// Test-only stand-in for OpenAI's ChatKit web component (the CDN is unreachable in tests): it records every
// setOptions call and renders a line of text so screenshots show where the chat would be.
class ChatKitStandIn extends HTMLElement {
  constructor() {
    super();
    this.optionsLog = [];
  }

  setOptions(options) {
    this.optionsLog.push(options);
    this.textContent = `ChatKit stand-in: ${options.api.url ? 'self-hosted ' + options.api.url : 'hosted workflow'}`
      + ` · ${options.theme.colorScheme} theme`;
  }

  // What the tests read: the latest options, with functions reduced to their type.
  lastOptionsAsJson() {
    const last = this.optionsLog[this.optionsLog.length - 1];
    return JSON.stringify(last, (key, value) => (typeof value === 'function' ? 'function' : value));
  }
}
customElements.define('openai-chatkit', ChatKitStandIn);

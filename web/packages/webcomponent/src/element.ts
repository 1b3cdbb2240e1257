import { Listeners, type Callback } from './listeners';
import { resolveLeaveRedirect } from '@convene/client/redirect';
import { OBSERVED_ATTRIBUTES, frameSource, readInbound, type MeetCommand, type MeetEvent } from './protocol';

export const LOADING_TIMEOUT_MS = 10_000;
/** After the iframe's load event, how long the meeting page has to say `ready` before it counts as a failed load. */
export const READY_GRACE_MS = 3_000;
const IFRAME_ALLOW = 'camera; microphone; display-capture; fullscreen; autoplay; compute-pressure;';

const STYLE = `
:host { display: block; position: relative; width: 100%; height: 100%; min-height: 320px; }
iframe { border: 0; width: 100%; height: 100%; display: block; }
.overlay { position: absolute; inset: 0; display: none; align-items: center; justify-content: center; flex-direction: column;
  gap: 8px; background: #0f1117; color: #eef0f7; font: 15px/1.4 system-ui, sans-serif; text-align: center; padding: 16px; }
.overlay.visible { display: flex; }
.overlay strong { font-size: 1.1rem; }
`;

/** `<openvidu-meet>`: the meeting in an iframe, its events re-dispatched here, its commands posted to it (contract §9). */
export class OpenViduMeetElement extends HTMLElement {
  static get observedAttributes(): string[] {
    return [...OBSERVED_ATTRIBUTES];
  }

  private readonly iframe: HTMLIFrameElement;
  private readonly overlay: HTMLDivElement;
  private readonly listeners = new Listeners();
  private frameOrigin: string | null = null;
  private ready = false;
  private connected = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onMessage = (event: MessageEvent) => this.handleMessage(event);

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.iframe = document.createElement('iframe');
    this.iframe.setAttribute('allow', IFRAME_ALLOW);
    this.iframe.setAttribute('title', 'Meeting');
    // A page that loads but never says ready (an error page, a wrong host) is a failed load.
    this.iframe.addEventListener('load', () => this.frameLoaded());
    this.overlay = document.createElement('div');
    this.overlay.className = 'overlay';
    this.overlay.setAttribute('role', 'alert');
    shadow.append(style, this.iframe, this.overlay);
  }

  connectedCallback(): void {
    window.addEventListener('message', this.onMessage);
    this.load();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
    this.clearTimer();
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue !== newValue && this.isConnected) this.load();
  }

  on(event: MeetEvent, callback: Callback): this {
    this.listeners.add(event, callback, false);
    return this;
  }

  once(event: MeetEvent, callback: Callback): this {
    this.listeners.add(event, callback, true);
    return this;
  }

  off(event: MeetEvent, callback?: Callback): this {
    this.listeners.remove(event, callback);
    return this;
  }

  endMeeting(): void {
    this.send('endMeeting', {});
  }

  leaveRoom(): void {
    this.send('leaveRoom', {});
  }

  kickParticipant(participantIdentity: string): void {
    if (typeof participantIdentity !== 'string' || participantIdentity.length === 0) return;
    this.send('kickParticipant', { participantIdentity });
  }

  private load(): void {
    this.clearTimer();
    this.ready = false;
    this.connected = false;
    const source = frameSource((n) => this.getAttribute(n), window.location.href);
    if (!source.ok) {
      this.frameOrigin = null;
      this.iframe.removeAttribute('src');
      this.showError(source.error);
      return;
    }
    this.frameOrigin = source.origin;
    this.hideOverlay();
    this.iframe.src = source.url;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.ready) this.showError('Loading timed out');
    }, LOADING_TIMEOUT_MS);
  }

  private frameLoaded(): void {
    if (this.ready || this.frameOrigin === null) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.ready) this.showError('Failed to load meeting');
    }, READY_GRACE_MS);
  }

  private handleMessage(event: MessageEvent): void {
    if (event.source !== this.iframe.contentWindow) return;
    const inbound = readInbound(event.data, event.origin, this.frameOrigin);
    if (!inbound) return;
    switch (inbound.event) {
      case 'ready':
        this.ready = true;
        this.clearTimer();
        this.hideOverlay();
        this.iframe.contentWindow?.postMessage({ command: 'initialize', payload: { domain: window.location.origin } }, this.frameOrigin ?? '');
        return;
      case 'joined':
        this.connected = true;
        break;
      case 'left':
        this.connected = false;
        break;
      case 'closed':
        this.connected = false;
        break;
    }
    this.emit(inbound.event, inbound.payload);
    if (inbound.event === 'closed') {
      const redirect = resolveLeaveRedirect(this.getAttribute('leave-redirect-url'), window.location.origin);
      if (redirect) (window.top ?? window).location.href = redirect;
    }
  }

  private emit(event: MeetEvent, detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent(event, { detail, bubbles: true, composed: true }));
    this.listeners.emit(event, detail);
  }

  /** Commands are dropped unless the handshake finished and the local participant is in the meeting. */
  private send(command: MeetCommand, payload: Record<string, unknown>): void {
    if (!this.ready || !this.connected || this.frameOrigin === null) return;
    this.iframe.contentWindow?.postMessage({ command, payload }, this.frameOrigin);
  }

  private showError(message: string): void {
    this.overlay.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = message;
    this.overlay.append(title);
    this.overlay.classList.add('visible');
  }

  private hideOverlay(): void {
    this.overlay.classList.remove('visible');
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

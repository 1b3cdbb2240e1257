// The SPA side of the <openvidu-meet> postMessage protocol (contract §9).

type Command = 'endMeeting' | 'leaveRoom' | 'kickParticipant';
type Handler = (command: Command, payload: unknown) => void;

let parentOrigin: string | null = null;
let handler: Handler | null = null;

export const isEmbedded = (): boolean => {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
};

export function startEmbedding(): void {
  if (!isEmbedded()) return;
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { command?: unknown; payload?: unknown } | null;
    if (!data || typeof data.command !== 'string') return;
    if (data.command === 'initialize') {
      const domain = (data.payload as { domain?: unknown } | undefined)?.domain;
      if (parentOrigin === null && typeof domain === 'string' && domain === event.origin) parentOrigin = domain;
      return;
    }
    if (parentOrigin === null || event.origin !== parentOrigin) return;
    if (data.command === 'endMeeting' || data.command === 'leaveRoom' || data.command === 'kickParticipant') handler?.(data.command, data.payload);
  });
  window.parent.postMessage({ event: 'ready' }, '*');
}

export function onEmbedCommand(h: Handler | null): void {
  handler = h;
}

export function postEmbedEvent(event: 'joined' | 'left' | 'closed', payload: Record<string, unknown>): void {
  if (!isEmbedded() || parentOrigin === null) return;
  window.parent.postMessage({ event, payload }, parentOrigin);
}

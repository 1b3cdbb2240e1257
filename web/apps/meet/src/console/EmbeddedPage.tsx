import { ApiKeyPanel } from './ApiKeyPanel';
import { PageHeader } from './ui';
import { WebhooksPanel } from './WebhooksPanel';

export default function EmbeddedPage() {
  const origin = window.location.origin;
  return (
    <>
      <PageHeader title="Embedded" subtitle="Drive Convene from your application" />
      <ApiKeyPanel />
      <WebhooksPanel />
      <section className="card panel" aria-labelledby="wc-title">
        <h2 id="wc-title">Web component</h2>
        <p className="muted">Put a meeting in any page with the <code>&lt;openvidu-meet&gt;</code> element:</p>
        <pre className="code-block">{`<script src="${origin}/v1/openvidu-meet.js"></script>\n<openvidu-meet room-url="${origin}/room/…?secret=…" participant-name="Ana"></openvidu-meet>`}</pre>
      </section>
    </>
  );
}

import { useEffect, useRef } from 'react';
import { endViewButton, leaveView } from '../lib/reasons';
import { exitInfo } from '../lib/session';
import { isEmbedded, postEmbedEvent } from '../lib/embed';
import { navigate } from '../lib/navigation';
import { texts } from '../texts';
import { Icon } from '../meeting/Icon';

export function EndView({ reason }: { reason: string | null }) {
  const view = leaveView(reason);
  const { roomId, redirect } = exitInfo.get();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const accept = redirect !== null || isEmbedded();
  const button = endViewButton(view.reason, accept, roomId);
  const onClick = () => {
    postEmbedEvent('closed', {});
    if (redirect) {
      try {
        (window.top ?? window).location.href = redirect;
      } catch {
        window.location.href = redirect;
      }
    } else if (!isEmbedded() && roomId) {
      navigate(`/room/${encodeURIComponent(roomId)}`);
    }
  };
  const icon = view.reason === 'voluntary_leave' || view.reason === 'meeting_ended_by_self' ? 'check' : view.reason === 'participant_kicked' ? 'block' : 'warning';
  return (
    <main className="center-page">
      <section className="card end-card" aria-labelledby="end-title">
        <div className={`end-icon end-icon-${icon}`} aria-hidden="true">
          <Icon name={icon} size={40} />
        </div>
        <h1 id="end-title" tabIndex={-1} ref={heading}>{view.title}</h1>
        <p className="muted">{view.message}</p>
        {button && (
          <button id="back-btn" type="button" className="btn btn-primary" onClick={onClick}>
            {button}
          </button>
        )}
      </section>
      <footer className="footer muted">{texts.footer}</footer>
    </main>
  );
}

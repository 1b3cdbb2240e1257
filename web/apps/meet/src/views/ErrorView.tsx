import { errorView } from '../lib/reasons';
import { texts } from '../texts';
import { Icon } from '../meeting/Icon';

export function ErrorView({ reason }: { reason: string | null }) {
  const view = errorView(reason);
  return (
    <main className="center-page">
      <section className="card end-card" aria-labelledby="error-title" data-reason={view.reason}>
        <div className="end-icon end-icon-warning" aria-hidden="true">
          <Icon name="warning" size={40} />
        </div>
        <h1 id="error-title">{view.title}</h1>
        <p className="muted">{view.message}</p>
      </section>
      <footer className="footer muted">{texts.footer}</footer>
    </main>
  );
}

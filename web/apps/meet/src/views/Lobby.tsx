import { useEffect, useRef, useState, type FormEvent } from 'react';
import { texts } from '../texts';
import { Icon } from '../meeting/Icon';
import { CopyLinkButton } from '../meeting/CopyLinkButton';

interface Props {
  roomName: string;
  closed: boolean;
  initialName: string;
  speakerUrl: string | null;
  displayUrl: string;
  canViewRecordings: boolean;
  recordingsHref: string;
  busy: boolean;
  error: string | null;
  backHref: string | null;
  onSubmit(name: string): void;
}

export function Lobby(props: Props) {
  const [name, setName] = useState(props.initialName);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setProblem(texts.lobby.nameRequired);
    if (trimmed.length > 50) return setProblem(texts.lobby.nameTooLong);
    setProblem(null);
    props.onSubmit(trimmed);
  };
  const message = problem ?? props.error;
  return (
    <main className="page lobby">
      <header className="page-header">
        {props.backHref && (
          <a className="btn btn-ghost btn-small" href={props.backHref}>
            <Icon name="arrow-left" size={18} /> {texts.lobby.back}
          </a>
        )}
        <span className="brand">{texts.appName}</span>
      </header>
      <div className="lobby-body">
        <h1 className="room-title">{props.roomName}</h1>
        {props.closed ? (
          <section className="card closed-card" aria-labelledby="closed-title">
            <div className="end-icon end-icon-warning" aria-hidden="true">
              <Icon name="block" size={36} />
            </div>
            <h2 id="closed-title">{texts.lobby.roomClosedTitle}</h2>
            <p className="muted">{texts.lobby.roomClosedMessage}</p>
          </section>
        ) : (
          <form className="card join-card" onSubmit={submit} noValidate aria-labelledby="join-title">
            <h2 id="join-title">{texts.lobby.title}</h2>
            <label className="field" htmlFor="participant-name-input">
              <span>{texts.lobby.displayName}</span>
            </label>
            <input
              id="participant-name-input"
              ref={input}
              className="input"
              value={name}
              maxLength={60}
              autoComplete="name"
              placeholder={texts.lobby.displayNamePlaceholder}
              aria-invalid={problem !== null}
              aria-describedby={message ? 'join-error' : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {message && (
              <p id="join-error" className="field-error" role="alert">
                {message}
              </p>
            )}
            <button id="participant-name-submit" type="submit" className="btn btn-primary btn-wide" disabled={props.busy}>
              {props.busy ? texts.loading : texts.lobby.continue}
            </button>
          </form>
        )}
        <div className="lobby-extras">
          {props.canViewRecordings && (
            <a className="card card-link" href={props.recordingsHref}>
              <Icon name="play" />
              <div>
                <strong>{texts.lobby.viewRecordings}</strong>
                <p className="muted small">{texts.lobby.recordingsHint}</p>
              </div>
            </a>
          )}
          {props.speakerUrl && (
            <section className="card share-card" aria-labelledby="share-title">
              <h2 id="share-title" className="h3">{texts.lobby.shareTitle}</h2>
              <p className="muted small">{texts.lobby.shareHint}</p>
              <div className="share-row">
                <code className="share-url">{props.displayUrl}</code>
                <CopyLinkButton url={props.speakerUrl} />
              </div>
            </section>
          )}
        </div>
      </div>
      <footer className="footer muted">{texts.footer}</footer>
    </main>
  );
}

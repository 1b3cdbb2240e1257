import { useEffect, useRef, useState, type FormEvent } from 'react';
import { texts } from '../texts';
import { Icon } from './Icon';

export interface ChatEntry {
  id: string;
  participantId: string;
  name: string;
  text: string;
  sentAt: number;
  mine: boolean;
}

export function ChatPanel({ messages, enabled, onSend }: { messages: ChatEntry[]; enabled: boolean; onSend(text: string): Promise<void> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [messages.length]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    setError(null);
    onSend(value).catch((err: unknown) => {
      setText(value);
      setError(err instanceof Error ? err.message : String(err));
    });
  };
  return (
    <div className="chat">
      {messages.length === 0 ? (
        <p className="muted empty">{texts.meeting.noMessages}</p>
      ) : (
        <ol className="chat-list" ref={list} aria-live="polite">
          {messages.map((m) => (
            <li key={m.id} className={`chat-msg ${m.mine ? 'mine' : ''}`}>
              <div className="chat-meta">
                <strong>{m.mine ? texts.meeting.you : m.name}</strong>
                <time dateTime={new Date(m.sentAt).toISOString()}>{new Date(m.sentAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>
              </div>
              <p className="chat-text">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
      {enabled ? (
        <form className="chat-form" onSubmit={submit}>
          <label className="sr-only" htmlFor="chat-input">{texts.meeting.chatPlaceholder}</label>
          <input id="chat-input" className="input" value={text} maxLength={1000} placeholder={texts.meeting.chatPlaceholder} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          <button type="submit" className="icon-btn icon-btn-primary" aria-label={texts.meeting.send} title={texts.meeting.send} disabled={!text.trim()}>
            <Icon name="send" size={18} />
          </button>
        </form>
      ) : (
        <p className="muted small chat-disabled">{texts.meeting.chatDisabled}</p>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}

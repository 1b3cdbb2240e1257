using Convene.Signalling.Protocol;

namespace Convene.Signalling.Meetings;

internal sealed partial class Meeting
{
    /// <summary>The last recording status announced while a recording runs (starting, active, ending); null otherwise.</summary>
    private RecordingStatusEvent? _recording;

    /// <summary>Whether <c>joined.meeting.recording</c> is true: a recording is starting or active.</summary>
    private bool IsRecordingLocked => _recording is { Status: RecordingWireStatus.Starting or RecordingWireStatus.Active };

    /// <summary>
    /// Takes a recording status change: everyone connected gets <c>recordingStatus</c>, and participants who join
    /// later see the running recording in <c>joined</c> followed by its current status.
    /// </summary>
    public async Task RecordingStatusChangedAsync(RecordingStatusEvent status)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_terminated)
            {
                return;
            }

            _recording = RecordingWireStatus.IsRunning(status.Status) ? status : null;
            Broadcast(status, except: null);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sets the recording state a new meeting starts with (a recording that outlived the previous meeting).</summary>
    internal void InitialRecording(RecordingStatusEvent? status) => _recording = status;

    private void SendRecordingStateLocked(Participant participant)
    {
        if (_recording is { } recording)
        {
            participant.Connection?.Send(recording);
        }
    }
}

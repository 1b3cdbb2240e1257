using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Convene.Ice;

/// <summary>
/// The server side of ICE-lite (RFC 8445 §2.5, §7.3): always controlled, answers binding requests, learns the pair the
/// controlling browser nominates, and tracks consent freshness (RFC 7675). Sans-I/O: the caller feeds requests and
/// sends the responses written into its buffer; <see cref="Tick"/> applies timeouts using the injected clock.
/// Not thread-safe: owned by the transport's media loop. Remote addresses are <see cref="SocketAddress"/> values
/// (as filled by <c>Socket.ReceiveFrom</c>); the agent copies the ones it keeps.
/// </summary>
public sealed class IceLiteAgent
{
    /// <summary>A response buffer of this size fits every response the agent writes.</summary>
    public const int MinResponseBufferLength = 256;

    private readonly TimeProvider _time;
    private readonly IceLiteAgentOptions _options;
    private readonly List<SocketAddress> _validPairs = [];
    private byte[] _passwordKey;
    private IceCredentials? _previous;
    private byte[]? _previousKey;
    private long _lastValidTimestamp;
    private bool _anyValid;

    /// <summary>Creates an agent with our credentials (the ones in our SDP).</summary>
    public IceLiteAgent(IceCredentials local, TimeProvider time, IceLiteAgentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(time);
        Local = local;
        _time = time;
        _options = options ?? new IceLiteAgentOptions();
        if (_options.ConsentTimeout <= TimeSpan.Zero || _options.FailureTimeout < _options.ConsentTimeout || _options.MaxValidPairs < 1)
        {
            throw new ArgumentException("Timeouts must be positive with FailureTimeout ≥ ConsentTimeout, and MaxValidPairs ≥ 1.", nameof(options));
        }

        _passwordKey = Encoding.UTF8.GetBytes(local.Password);
        _lastValidTimestamp = time.GetTimestamp();
    }

    /// <summary>Our current credentials.</summary>
    public IceCredentials Local { get; private set; }

    /// <summary>The remote credentials from the peer's SDP, when known; then USERNAME must name the remote ufrag too.</summary>
    public IceCredentials? Remote { get; set; }

    /// <summary>Current state.</summary>
    public IceAgentState State { get; private set; } = IceAgentState.New;

    /// <summary>The nominated remote address (latest USE-CANDIDATE wins), or null before nomination.</summary>
    public SocketAddress? SelectedRemote { get; private set; }

    /// <summary>Remote addresses that passed a check (bounded; for a mux that binds addresses to this session).</summary>
    public IReadOnlyList<SocketAddress> ValidRemotes => _validPairs;

    /// <summary>True when <paramref name="remote"/> passed a check.</summary>
    public bool IsValidRemote(SocketAddress remote)
    {
        foreach (var pair in _validPairs)
        {
            if (pair.Equals(remote))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// ICE restart: switch to <paramref name="newLocal"/>. The old credentials stay accepted until the first request
    /// authenticated with the new ones (RFC 8445 §9 lets checks with the old ones continue meanwhile).
    /// </summary>
    public void Restart(IceCredentials newLocal)
    {
        ArgumentNullException.ThrowIfNull(newLocal);
        _previous = Local;
        _previousKey = _passwordKey;
        Local = newLocal;
        _passwordKey = Encoding.UTF8.GetBytes(newLocal.Password);
        Remote = null;
    }

    /// <summary>
    /// Handles one STUN packet received from <paramref name="remote"/>. When <paramref name="responseLength"/> is positive,
    /// response[..responseLength] must be sent back to <paramref name="remote"/>. Never throws for any packet content.
    /// </summary>
    public IceAgentResult HandleBindingRequest(ReadOnlySpan<byte> packet, SocketAddress remote, Span<byte> response, out int responseLength)
    {
        ArgumentNullException.ThrowIfNull(remote);
        responseLength = 0;
        if (State == IceAgentState.Failed)
        {
            return IceAgentResult.AgentFailed;
        }

        if (!StunMessage.TryParse(packet, out var request))
        {
            return IceAgentResult.Malformed;
        }

        if (request.Type != StunMessageType.BindingRequest)
        {
            return IceAgentResult.NotBindingRequest;
        }

        if (response.Length < MinResponseBufferLength)
        {
            return IceAgentResult.BufferTooSmall;
        }

        if (request.HasFingerprint && !request.CheckFingerprint())
        {
            return IceAgentResult.BadFingerprint;
        }

        if (!request.HasFingerprint || !request.HasUsername || !request.HasMessageIntegrity)
        {
            responseLength = WriteError(request, response, 400, "Bad Request", null);
            return IceAgentResult.BadRequest;
        }

        var key = MatchUsername(request.Username, out bool usedPrevious);
        if (key is null)
        {
            responseLength = WriteError(request, response, 401, "Unauthenticated", null);
            return IceAgentResult.UnknownUsername;
        }

        if (!request.CheckIntegrity(key))
        {
            responseLength = WriteError(request, response, 401, "Unauthenticated", null);
            return IceAgentResult.BadIntegrity;
        }

        if (request.Priority is null)
        {
            responseLength = WriteError(request, response, 400, "Bad Request", key);
            return IceAgentResult.BadRequest;
        }

        if (request.IceControlled is not null)
        {
            responseLength = WriteError(request, response, 487, "Role Conflict", key);
            return IceAgentResult.RoleConflict;
        }

        if (!usedPrevious)
        {
            _previous = null;
            _previousKey = null;
        }

        Accept(remote, request.UseCandidate);
        var writer = new StunMessageWriter(response, StunMessageType.BindingSuccessResponse, request.TransactionId);
        writer.AddXorMappedAddress(remote);
        writer.AddMessageIntegrity(key);
        writer.AddFingerprint();
        responseLength = writer.Length;
        return IceAgentResult.ResponseReady;
    }

    /// <summary>Applies consent and failure timeouts; call periodically (e.g. every second).</summary>
    public void Tick()
    {
        if (State == IceAgentState.Failed)
        {
            return;
        }

        var idle = _time.GetElapsedTime(_lastValidTimestamp);
        if (idle >= _options.FailureTimeout)
        {
            State = IceAgentState.Failed;
            SelectedRemote = null;
        }
        else if (_anyValid && idle >= _options.ConsentTimeout && State != IceAgentState.Disconnected)
        {
            State = IceAgentState.Disconnected;
        }
    }

    private byte[]? MatchUsername(ReadOnlySpan<byte> username, out bool usedPrevious)
    {
        usedPrevious = false;
        if (Matches(username, Local.Ufrag, Remote?.Ufrag))
        {
            return _passwordKey;
        }

        if (_previous is not null && Matches(username, _previous.Ufrag, null))
        {
            usedPrevious = true;
            return _previousKey;
        }

        return null;
    }

    /// <summary>USERNAME is "ourUfrag:theirUfrag"; ufrags are ASCII ice-chars, so a byte comparison is exact.</summary>
    private static bool Matches(ReadOnlySpan<byte> username, string ours, string? theirs)
    {
        if (username.Length <= ours.Length || username[ours.Length] != (byte)':')
        {
            return false;
        }

        for (int i = 0; i < ours.Length; i++)
        {
            if (username[i] != ours[i])
            {
                return false;
            }
        }

        if (theirs is null)
        {
            return true;
        }

        var rest = username[(ours.Length + 1)..];
        if (rest.Length != theirs.Length)
        {
            return false;
        }

        for (int i = 0; i < rest.Length; i++)
        {
            if (rest[i] != theirs[i])
            {
                return false;
            }
        }

        return true;
    }

    private void Accept(SocketAddress remote, bool nominate)
    {
        _anyValid = true;
        _lastValidTimestamp = _time.GetTimestamp();
        SocketAddress? known = null;
        foreach (var pair in _validPairs)
        {
            if (pair.Equals(remote))
            {
                known = pair;
                break;
            }
        }

        if (known is null)
        {
            known = Copy(remote);
            if (_validPairs.Count >= _options.MaxValidPairs)
            {
                int victim = _validPairs.FindIndex(p => !ReferenceEquals(p, SelectedRemote));
                _validPairs.RemoveAt(victim < 0 ? 0 : victim);
            }

            _validPairs.Add(known);
        }

        if (nominate)
        {
            SelectedRemote = known;
        }

        State = SelectedRemote is null ? IceAgentState.Checking : IceAgentState.Connected;
    }

    private static SocketAddress Copy(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }

    private static int WriteError(StunMessage request, Span<byte> response, int code, string reason, byte[]? key)
    {
        var writer = new StunMessageWriter(response, StunMessageType.BindingErrorResponse, request.TransactionId);
        writer.AddErrorCode(code, reason);
        if (key is not null)
        {
            writer.AddMessageIntegrity(key);
        }

        writer.AddFingerprint();
        return writer.Length;
    }

    /// <summary>Formats a remote address for diagnostics.</summary>
    public static string Describe(SocketAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Family is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.Any, 0).Create(address).ToString() ?? "?"
            : address.ToString();
    }
}

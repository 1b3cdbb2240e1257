namespace Convene.Rtp;

/// <summary>One RTP header extension element: its id and where its data sits inside the extension block.</summary>
public readonly record struct RtpExtensionElement(int Id, int DataOffset, int DataLength);

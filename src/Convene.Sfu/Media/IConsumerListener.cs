namespace Convene.Sfu.Media;

/// <summary>How a consumer tells its owner (the subscriber's transport) that it closed on its own (producer gone).</summary>
internal interface IConsumerListener
{
    void OnConsumerClosed(Consumer consumer);
}

namespace Convene.Sfu.Media;

/// <summary>How a producer tells its owner that it closed.</summary>
internal interface IProducerListener
{
    void OnProducerClosed(Producer producer);
}

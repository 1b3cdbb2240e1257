using System.Net;

namespace Convene.Recording.Tests;

/// <summary>Nothing a client sends can reach outside the recordings directory.</summary>
public sealed class StorageTests
{
    [Theory]
    [InlineData("..", "x.mp4")]
    [InlineData("room", "../../etc/passwd")]
    [InlineData("room", "..")]
    [InlineData("room/../..", "x")]
    [InlineData("room", "/etc/passwd")]
    [InlineData("room", "sub/x.mp4")]
    [InlineData("room", ".hidden")]
    [InlineData("", "x.mp4")]
    public void Invalid_room_ids_and_file_names_never_open_anything(string roomId, string fileName)
    {
        var root = MediaFixtures.NewDirectory();
        File.WriteAllText(Path.Combine(root, "x.mp4"), "secret");
        var storage = new LocalRecordingStorage(Path.Combine(root, "recordings"));
        Assert.False(storage.TryOpenRead(roomId, fileName, out var stream));
        Assert.Null(stream);
        Assert.Equal(0, storage.DeleteRecordingFiles(roomId, fileName));
    }

    [Fact]
    public void Room_directory_rejects_traversal_and_files_are_listed_by_recording()
    {
        var storage = new LocalRecordingStorage(Path.Combine(MediaFixtures.NewDirectory(), "recordings"));
        Assert.Throws<ArgumentException>(() => storage.RoomDirectory("../escape"));
        var dir = storage.RoomDirectory("room_1-abc");
        File.WriteAllText(Path.Combine(dir, "room_1-abc--0123456789.mp4"), "m");
        File.WriteAllText(Path.Combine(dir, "room_1-abc--0123456789.track00.video.webm"), "v");
        File.WriteAllText(Path.Combine(dir, "room_1-abc--9999999999.mp4"), "other");
        Assert.Equal(2, storage.ListFiles("room_1-abc", "room_1-abc--0123456789").Count);
        Assert.Equal(2, storage.DeleteRecordingFiles("room_1-abc", "room_1-abc--0123456789"));
        Assert.True(File.Exists(Path.Combine(dir, "room_1-abc--9999999999.mp4")));
    }

    [Theory]
    [InlineData("/api/v1/recordings/..%2F..%2Fetc--EG_abc--passwd/media")]
    [InlineData("/api/v1/recordings/room--EG_abcdef--..%2F..%2Fx/media")]
    [InlineData("/api/v1/recordings/room--EG_abcdef--0123456789/tracks/..%2F..%2Fx.webm")]
    [InlineData("/api/v1/recordings/room--EG_abcdef--0123456789/tracks/.hidden.webm")]
    public async Task Traversal_attempts_over_http_are_rejected(string url)
    {
        await using var host = new RecordingHost();
        using var api = host.Api();
        var response = await api.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.NotFound, url + " → " + response.StatusCode);
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

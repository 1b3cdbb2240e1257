using System.Globalization;
using Convene.Domain.Rooms;
using Convene.Server.Http;

namespace Convene.Server.Rooms;

/// <summary>Validates the list query of contract §2.4/§3.3.</summary>
internal static class RoomListQueryParser
{
    public const int DefaultMaxItems = 10;
    public const int MaxMaxItems = 100;

    private static readonly string[] SortFields = ["creationDate", "roomName", "autoDeletionDate"];
    private static readonly string[] SortOrders = ["asc", "desc"];

    public static RoomListQuery? Parse(IQueryCollection query, ValidationErrors errors)
    {
        var maxItems = ParseMaxItems(query["maxItems"].ToString(), query.ContainsKey("maxItems"), errors);

        RoomStatus? status = null;
        if (query.TryGetValue("status", out var statusText))
        {
            status = errors.EnumText<RoomStatus>(statusText.ToString(), "status");
        }

        var sortField = RoomSortField.CreationDate;
        if (query.TryGetValue("sortField", out var sortText))
        {
            var index = Array.IndexOf(SortFields, sortText.ToString());
            if (index < 0)
            {
                errors.Add("sortField", WireNames.InvalidEnumMessage(SortFields, sortText.ToString()));
            }
            else
            {
                sortField = (RoomSortField)index;
            }
        }

        var descending = true;
        if (query.TryGetValue("sortOrder", out var orderText))
        {
            var index = Array.IndexOf(SortOrders, orderText.ToString());
            if (index < 0)
            {
                errors.Add("sortOrder", WireNames.InvalidEnumMessage(SortOrders, orderText.ToString()));
            }
            else
            {
                descending = index == 1;
            }
        }

        RoomCursor? after = null;
        var token = query["nextPageToken"].ToString();
        if (!errors.HasErrors && token.Length > 0 && !PageToken.TryDecode(token, sortField, descending, out after))
        {
            errors.Add("nextPageToken", "Invalid page token");
        }

        var name = query["roomName"].ToString();
        return errors.HasErrors
            ? null
            : new RoomListQuery(name.Length == 0 ? null : name, status, sortField, descending, maxItems, after);
    }

    /// <summary>Coerced number, must be positive, floored, capped at 100 (contract §2.4).</summary>
    public static int ParseMaxItems(string text, bool present, ValidationErrors errors)
    {
        if (!present)
        {
            return DefaultMaxItems;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            errors.Add("maxItems", "Expected number, received nan");
            return DefaultMaxItems;
        }

        if (value <= 0)
        {
            errors.Add("maxItems", "maxItems must be a positive number");
            return DefaultMaxItems;
        }

        return (int)Math.Clamp(Math.Floor(value), 1, MaxMaxItems);
    }
}

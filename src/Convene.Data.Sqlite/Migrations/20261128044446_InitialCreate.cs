using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Convene.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreationDate = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Recordings",
                columns: table => new
                {
                    RecordingId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RoomName = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Filename = table.Column<string>(type: "TEXT", nullable: false),
                    StartDate = table.Column<long>(type: "INTEGER", nullable: true),
                    EndDate = table.Column<long>(type: "INTEGER", nullable: true),
                    Duration = table.Column<double>(type: "REAL", nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    ErrorCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: true),
                    PublicSecret = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PrivateSecret = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recordings", x => x.RecordingId);
                });

            migrationBuilder.CreateTable(
                name: "Rooms",
                columns: table => new
                {
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RoomName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreationDate = table.Column<long>(type: "INTEGER", nullable: false),
                    AutoDeletionDate = table.Column<long>(type: "INTEGER", nullable: true),
                    ModeratorSecret = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SpeakerSecret = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MeetingEndAction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AutoDeletionWithMeeting = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    AutoDeletionWithRecordings = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ChatEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    E2eeEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordingAllowAccessTo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RecordingEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    VirtualBackgroundEnabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rooms", x => x.RoomId);
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Username = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TokenGeneration = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Username);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Recordings_RoomId",
                table: "Recordings",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_Recordings_StartDate_RecordingId",
                table: "Recordings",
                columns: new[] { "StartDate", "RecordingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_AutoDeletionDate_RoomId",
                table: "Rooms",
                columns: new[] { "AutoDeletionDate", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_CreationDate_RoomId",
                table: "Rooms",
                columns: new[] { "CreationDate", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_RoomName_RoomId",
                table: "Rooms",
                columns: new[] { "RoomName", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_Status",
                table: "Rooms",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "Recordings");

            migrationBuilder.DropTable(
                name: "Rooms");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropTable(
                name: "Users");
        }
    }
}

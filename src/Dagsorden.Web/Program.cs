using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Attachments;
using Dagsorden.Web.Documents;
using Dagsorden.Web.Feeds;
using Dagsorden.Web.FollowUps;
using Dagsorden.Web.Items;
using Dagsorden.Web.Meetings;
using Dagsorden.Web.OParl;
using Dagsorden.Web.Site;

// Settings and web assets come with the app; the data is found from the working directory, as the CLI finds it.
var builder = WebApplication.CreateBuilder(
    new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var storage = StorageOptions.Resolve(
    builder.Configuration["Db"], builder.Configuration["Connection"], Environment.CurrentDirectory, Environment.GetEnvironmentVariable);
builder.Services.AddDagsordenStorage(storage);
builder.Services.AddProblemDetails();
builder.AddSite();
builder.AddAccounts();
builder.AddItems();
builder.AddDocuments();
builder.AddOParl();
builder.AddPublicPageCache();
builder.Services.AddNotifications();
builder.AddFollowUpReminders();

var app = builder.Build();
await (await DagsordenDatabase.OpenAsync(storage)).DisposeAsync();

app.UseSite();
app.UseAccounts();
app.UsePublicPageCache();
app.MapGet("/health", () => "ok");
app.MapDocuments();
app.MapFeeds();
app.MapOParl();
app.MapAttachments();
app.MapSite();
app.Run();

public partial class Program;

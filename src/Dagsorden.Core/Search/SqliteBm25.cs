using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Dagsorden.Core.Search;

/// <summary>
/// FTS5's bm25, with each phrase's document count given by the caller instead of counted. FTS5's
/// own <c>bm25()</c> walks every row that has each phrase of the query once a query, to count them
/// for the phrase's idf, however few rows it then scores: at a million items that made the rank
/// query of a three-word search take 6-41 ms where its match alone took 3-6. The counts are kept in
/// <c>SearchTermCounts</c>, in the same transaction as the index (<see cref="SqliteSearchIndex"/>),
/// so the score is bm25's to the last bit. Registered on a connection through FTS5's C interface,
/// which Microsoft.Data.Sqlite does not wrap (ADR 0011).
/// <para>
/// SQL: <c>dagsorden_bm25("SearchFts", weight of each column…, documents with phrase 1, phrase 2…)</c>,
/// as many weights as the table has columns and at most 64 counts. A phrase with no count given adds
/// nothing to the score (the tags' phrases, which follow the words: their column weighs nothing anyway).
/// </para>
/// </summary>
internal static unsafe class SqliteBm25
{
    public const string FunctionName = "dagsorden_bm25";

    // The library Microsoft.Data.Sqlite runs on (SQLitePCLRaw's bundle): the function must be
    // registered with the same SQLite that runs the connection.
    private const string Library = "e_sqlite3";

    private static readonly ConditionalWeakTable<object, object> Registered = [];

    /// <summary>
    /// Registers the function on the connection's SQLite once. False when it cannot be (another
    /// SQLite build under Microsoft.Data.Sqlite, or one without FTS5); the caller then ranks by bm25().
    /// </summary>
    public static bool EnsureRegistered(SqliteConnection connection)
    {
        var handle = connection.Handle;
        if (handle is null || SQLitePCL.raw.GetNativeLibraryName() != Library)
            return false;
        if (Registered.TryGetValue(handle, out var registered))
            return (bool)registered;

        var result = Register(handle.DangerousGetHandle());
        Registered.AddOrUpdate(handle, result);
        return result;
    }

    private static bool Register(IntPtr db)
    {
        // FTS5 hands out its API through a pointer bound to "SELECT fts5(?1)" (fts5.h).
        IntPtr api = IntPtr.Zero;
        fixed (byte* sql = "SELECT fts5(?1)\0"u8)
        fixed (byte* type = "fts5_api_ptr\0"u8)
        {
            if (sqlite3_prepare_v2(db, sql, -1, out var statement, IntPtr.Zero) != 0)
                return false;
            try
            {
                if (sqlite3_bind_pointer(statement, 1, &api, type, IntPtr.Zero) != 0)
                    return false;
                sqlite3_step(statement);
            }
            finally
            {
                sqlite3_finalize(statement);
            }
        }

        if (api == IntPtr.Zero)
            return false;

        // struct fts5_api { int iVersion; xCreateTokenizer; xFindTokenizer; xCreateFunction; ... }:
        // the int is padded to a pointer's size, so xCreateFunction is the fourth slot.
        var createFunction = (delegate* unmanaged[Cdecl]<IntPtr, byte*, IntPtr, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int>)((IntPtr*)api)[3];
        fixed (byte* name = "dagsorden_bm25\0"u8)
            return createFunction(api, name, IntPtr.Zero, &Score, IntPtr.Zero) == 0;
    }

    // Slots of struct Fts5ExtensionApi (fts5.h), which only ever grows at its end.
    private const int ColumnCountSlot = 2;
    private const int RowCountSlot = 3;
    private const int ColumnTotalSizeSlot = 4;
    private const int PhraseCountSlot = 6;
    private const int InstCountSlot = 8;
    private const int InstSlot = 9;
    private const int ColumnSizeSlot = 12;

    // FTS5's bm25 constants.
    private const double K1 = 1.2;
    private const double B = 0.75;

    private const int MaxCounts = 64;

    private const int SqliteError = 1;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Score(IntPtr api, IntPtr fts, IntPtr context, int argumentCount, IntPtr* arguments)
    {
        // An exception must not cross into SQLite: it would end the process.
        try
        {
            ScoreRow((IntPtr*)api, fts, context, argumentCount, arguments);
        }
        catch (Exception)
        {
            sqlite3_result_error_code(context, SqliteError);
        }
    }

    private static void ScoreRow(IntPtr* slots, IntPtr fts, IntPtr context, int argumentCount, IntPtr* arguments)
    {
        var columnCount = ((delegate* unmanaged[Cdecl]<IntPtr, int>)slots[ColumnCountSlot])(fts);
        if (argumentCount < columnCount || argumentCount - columnCount > MaxCounts)
        {
            ResultError(context, "dagsorden_bm25: give a weight for every column, and at most 64 document counts");
            return;
        }

        // Only the phrases with a count are scored; the others (tags) weigh nothing.
        var counted = Math.Min(((delegate* unmanaged[Cdecl]<IntPtr, int>)slots[PhraseCountSlot])(fts), argumentCount - columnCount);
        long rows, tokens;
        int instances, length;
        if (((delegate* unmanaged[Cdecl]<IntPtr, long*, int>)slots[RowCountSlot])(fts, &rows) != 0
            || ((delegate* unmanaged[Cdecl]<IntPtr, int, long*, int>)slots[ColumnTotalSizeSlot])(fts, -1, &tokens) != 0
            || ((delegate* unmanaged[Cdecl]<IntPtr, int*, int>)slots[InstCountSlot])(fts, &instances) != 0
            || ((delegate* unmanaged[Cdecl]<IntPtr, int, int*, int>)slots[ColumnSizeSlot])(fts, -1, &length) != 0)
        {
            ResultError(context, "dagsorden_bm25: FTS5 could not say the row's sizes");
            return;
        }

        // Each phrase's weighted frequency in this row: a hit counts its column's weight.
        var inst = (delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int*, int>)slots[InstSlot];
        var frequency = stackalloc double[MaxCounts];
        new Span<double>(frequency, MaxCounts).Clear();
        for (var i = 0; i < instances; i++)
        {
            int phrase, column, offset;
            if (inst(fts, i, &phrase, &column, &offset) != 0)
            {
                ResultError(context, "dagsorden_bm25: FTS5 could not list the row's hits");
                return;
            }

            if (phrase < counted && column < columnCount)
                frequency[phrase] += sqlite3_value_double(arguments[column]);
        }

        var averageLength = rows > 0 ? (double)tokens / rows : 1.0;
        var lengthNorm = K1 * (1 - B + (B * length / averageLength));
        var score = 0.0;
        for (var phrase = 0; phrase < counted; phrase++)
        {
            var documents = sqlite3_value_double(arguments[columnCount + phrase]);
            var idf = Math.Log((rows - documents + 0.5) / (documents + 0.5));
            if (idf <= 0.0)
                idf = 1e-6;
            score += idf * (frequency[phrase] * (K1 + 1.0)) / (frequency[phrase] + lengthNorm);
        }

        // Lower is better, as with bm25().
        sqlite3_result_double(context, -score);
    }

    private static void ResultError(IntPtr context, string message)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(message);
        fixed (byte* text = bytes)
            sqlite3_result_error(context, text, bytes.Length);
    }

    [DllImport(Library)]
    private static extern int sqlite3_prepare_v2(IntPtr db, byte* sql, int length, out IntPtr statement, IntPtr tail);

    [DllImport(Library)]
    private static extern int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [DllImport(Library)]
    private static extern int sqlite3_step(IntPtr statement);

    [DllImport(Library)]
    private static extern int sqlite3_finalize(IntPtr statement);

    [DllImport(Library)]
    private static extern void sqlite3_result_double(IntPtr context, double value);

    [DllImport(Library)]
    private static extern void sqlite3_result_error(IntPtr context, byte* message, int length);

    [DllImport(Library)]
    private static extern void sqlite3_result_error_code(IntPtr context, int code);

    [DllImport(Library)]
    private static extern double sqlite3_value_double(IntPtr value);
}

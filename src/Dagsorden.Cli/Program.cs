using Dagsorden.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, Console.In);

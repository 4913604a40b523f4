using Admissions.Cli;

return await OperatorCommands.RunAsync(args);

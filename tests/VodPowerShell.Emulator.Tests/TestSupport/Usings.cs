global using System.Security;
global using Xunit;

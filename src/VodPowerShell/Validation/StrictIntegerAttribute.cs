using System;
using System.Globalization;
using System.Management.Automation;

namespace VodPowerShell.Validation
{
    /// <summary>
    /// PowerShell would quietly round 10.5 to 10 and accept " 10 "; a template number is an identifier, so only
    /// whole numbers (or text that is exactly one) are accepted and anything else fails at binding.
    /// </summary>
    internal sealed class StrictIntegerAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case int _:
                case long _:
                case short _:
                case byte _:
                case uint _:
                case ulong _:
                case ushort _:
                case sbyte _:
                    return value;
                case double d when Math.Floor(d) == d && !double.IsInfinity(d):
                    return value;
                case float f when Math.Floor(f) == f && !float.IsInfinity(f):
                    return value;
                case decimal m when decimal.Floor(m) == m:
                    return value;
                case string text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed):
                    return parsed;
                default:
                    throw new ArgumentTransformationMetadataException($"'{inputData}' is not a whole number; -Definition takes a template number such as 10.");
            }
        }
    }
}

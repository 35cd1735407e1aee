"""The parts of `sys` that are plain data with CPython's reprs."""


class _StructSeq(tuple):
    """A named tuple-like record as CPython's structseq types (kept as
    sys._StructSeq for time.struct_time)."""

    _fields = ()

    def __getattr__(self, name):
        try:
            return self[type(self)._fields.index(name)]
        except ValueError:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self)._repr_name, name)) from None

    def __repr__(self):
        parts = ', '.join('%s=%r' % (n, v) for n, v in zip(type(self)._fields, self))
        return '%s(%s)' % (type(self)._repr_name, parts)


class _VersionInfo(_StructSeq):
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')
    _repr_name = 'sys.version_info'


class _FloatInfo(_StructSeq):
    _fields = ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig',
               'epsilon', 'radix', 'rounds')
    _repr_name = 'sys.float_info'


class _IntInfo(_StructSeq):
    _fields = ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold')
    _repr_name = 'sys.int_info'


class _Flags(_StructSeq):
    _fields = ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site',
               'no_site', 'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization',
               'isolated', 'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits')
    _repr_name = 'sys.flags'


version_info = _VersionInfo((3, 13, 0, 'final', 0))
float_info = _FloatInfo((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
                         2.220446049250313e-16, 2, 1))
int_info = _IntInfo((30, 4, 4300, 640))
hexversion = 0x30d00f0
implementation_name = 'looplab'
byteorder = 'little'
path = []
flags = _Flags((0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, 4300))
executable = ''
maxunicode = 0x10ffff
del _VersionInfo, _FloatInfo, _IntInfo, _Flags

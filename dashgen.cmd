@echo off
rem dashgen launcher for Windows. In a release archive it runs dashgen-all.jar beside this script; in a
rem clone of the repository it runs target\dashgen-all.jar, building it with Maven when it is missing.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%dashgen-all.jar"
if exist "%HERE%pom.xml" set "JAR=%HERE%target\dashgen-all.jar"
if exist "%JAR%" goto run
if not exist "%HERE%pom.xml" goto missing
where mvn >nul 2>nul
if errorlevel 1 goto nomaven
echo dashgen: building the jar (first run)... 1>&2
pushd "%HERE%"
call mvn -B -q -Dstyle.color=never -DskipTests -Dassembly.skipAssembly=true package 1>&2
set "BUILT=%ERRORLEVEL%"
popd
if not "%BUILT%"=="0" goto buildfailed
:run
rem One-shot commands: C1 alone and the parallel collector held to a small heap (see the Unix launcher); serve keeps the defaults.
set "OPTS=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:GCTimeRatio=9"
if /I "%~1"=="serve" set "OPTS="
java %OPTS% %DASHGEN_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:missing
echo dashgen: %JAR% is missing - unpack the whole release archive again 1>&2
exit /b 3
:nomaven
echo dashgen: Maven (mvn) is needed to build the jar - install it, or use a release archive 1>&2
exit /b 3
:buildfailed
echo dashgen: the build failed - see Maven's output above 1>&2
exit /b 3

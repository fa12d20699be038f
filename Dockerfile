# The portal's production image: build with the .NET SDK, run on the ASP.NET runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# For the platform it runs on (--ucr), so the code is compiled ahead of time (ReadyToRun: the start takes half the CPU).
RUN dotnet publish src/BaZhouTalent.Web/BaZhouTalent.Web.csproj -c Release --ucr --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the container health check on /healthz (docker-compose.yml).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Logs__Directory=/var/log/bazhoutalent
EXPOSE 8080
# Health: GET /healthz answers 200 when the database answers, 503 otherwise (docker-compose probes it with curl).
# Behind a TLS proxy set ReverseProxy__KnownProxies__0 (or KnownNetworks) so X-Forwarded-Proto/For are believed.
ENTRYPOINT ["dotnet", "BaZhouTalent.Web.dll"]
